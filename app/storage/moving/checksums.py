"""A table's fingerprint: its row count and a checksum of its rows in any order.

Each row's stored values (as the copy reads them: integers, texts, moments, flags, bytes) are
written out as Python writes a tuple (a flag apart from a number, a missing value apart from an
empty text) and hashed; the hashes are added up modulo 2**128. A sum does not depend on the order
rows come in, so a file and a server, which sort texts differently, fingerprint the same rows
alike, and the rows can be read in whatever order is fastest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from hashlib import blake2b
from typing import Any

_MODULUS = 1 << 128


@dataclass(frozen=True)
class Fingerprint:
    rows: int = 0
    checksum: int = 0

    def add(self, rows: Iterable[Sequence[Any]], *, binary: bool = False) -> Fingerprint:
        """`binary`: the rows may hold bytes, which a server's driver can hand back as memoryviews."""
        count, total = self.rows, self.checksum
        for row in rows:
            written = repr(tuple(_plain(v) for v in row) if binary else row).encode()
            total += int.from_bytes(blake2b(written, digest_size=16).digest(), "little")
            count += 1
        return Fingerprint(count, total % _MODULUS)

    @property
    def hex(self) -> str:
        return f"{self.checksum:032x}"


def _plain(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value
