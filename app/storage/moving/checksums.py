"""A table's fingerprint: its row count and a checksum of its rows in any order.

Each row's stored values (as the copy reads them: integers, texts, moments, flags, bytes) are
written out and hashed; the hashes are added up modulo 2**128. A sum does not depend on the order
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

    def add(self, rows: Iterable[Sequence[Any]]) -> Fingerprint:
        count, total = self.rows, self.checksum
        for row in rows:
            total += int.from_bytes(blake2b(_written(row), digest_size=16).digest(), "little")
            count += 1
        return Fingerprint(count, total % _MODULUS)

    @property
    def hex(self) -> str:
        return f"{self.checksum:032x}"


def _written(row: Sequence[Any]) -> bytes:
    """A row's values written out unambiguously (a flag apart from a number, a missing value apart
    from an empty text), the same whichever database they were read from."""
    return repr(tuple(bytes(value) if isinstance(value, memoryview) else value for value in row)).encode()
