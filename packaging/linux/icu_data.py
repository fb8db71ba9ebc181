"""Trims the ICU data Qt carries on Linux (libicudata, 32 MB) to what Dealdesk can use (about 6 MB).

PySide6's Qt links ICU, whose data library holds every locale's names, units, currencies, collations,
the converters of every code page and the word-break dictionaries of Chinese, Japanese, Thai and
Khmer. Qt asks ICU for collation and case mapping in the current locale only (dates, numbers and
names come from Qt's own locale tables), and Dealdesk speaks English and German. This keeps what
does not belong to a locale, the root, English and German locales of every tree, the single-byte
converters, and drops the rest, then rebuilds the library with the same soname and symbol.

The data is ICU's "common data" package: a header, a table of contents (item count, then per item
the offsets of its name and of its data from the table's start; names sorted, data 16-byte aligned),
the names and the items. An item's length is the distance to the next one.

Usage: python packaging/linux/icu_data.py path/to/libicudata.so.NN  (needs nm and a C compiler)
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

LOCALE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]+)*\.res$")
LARGEST_CONVERTER = 64 * 1024  # single-byte code pages; the East Asian multi-byte tables are larger
KEPT_LOCALES = ("root", "en", "de")
ALIGN = 16


def wanted(item: str) -> bool:
    """Whether an item (``icudt73l/coll/de.res``) is kept."""
    path = item.split("/", 1)[1]
    tree, _, name = path.rpartition("/")
    if tree == "translit" or name.endswith(".dict"):
        return False  # transliterators, word-break dictionaries: not used by Qt
    if name.endswith(".cnv"):
        return True  # judged by size in trimmed()
    if name == "res_index.res" or not LOCALE.match(name):
        return True  # supplemental data, time zones, pools, normalization, properties
    locale = name.removesuffix(".res")
    return locale in KEPT_LOCALES or locale.startswith(("en_", "de_"))


def items(package: bytes) -> tuple[int, list[tuple[str, bytes]]]:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    count = struct.unpack_from("<I", package, header_size)[0]
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(package) - header_size]
    result = []
    for (name_offset, data_offset), end in zip(entries, ends, strict=True):
        start = header_size + name_offset
        name = package[start : package.index(b"\0", start)].decode("ascii")
        result.append((name, package[header_size + data_offset : header_size + end]))
    return header_size, result


def trimmed(package: bytes) -> bytes:
    """The package without the items Dealdesk does not use."""
    header_size, everything = items(package)
    kept = [
        (name, data)
        for name, data in everything
        if wanted(name) and not (name.endswith(".cnv") and len(data) > LARGEST_CONVERTER)
    ]
    names = b"".join(name.encode("ascii") + b"\0" for name, _ in kept)
    table_size = 4 + 8 * len(kept)
    offset = _aligned(table_size + len(names))
    table = [struct.pack("<I", len(kept))]
    body = []
    name_offset = table_size
    for name, data in kept:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + b"\0" * (_aligned(len(data)) - len(data))
        body.append(padded)
        offset += len(padded)
    head = b"".join(table) + names
    head += b"\0" * (_aligned(len(head)) - len(head))
    return package[:header_size] + head + b"".join(body)


def _aligned(size: int) -> int:
    return (size + ALIGN - 1) // ALIGN * ALIGN


def symbol(library: Path) -> tuple[str, int]:
    """The data's symbol (``icudt73_dat``) and its size, from the library's dynamic symbols."""
    listing = subprocess.run(
        ["nm", "-D", "-S", "--defined-only", str(library)], capture_output=True, text=True, check=True
    ).stdout
    for line in listing.splitlines():
        parts = line.split()
        if len(parts) == 4 and re.fullmatch(r"icudt\d+_dat", parts[3]):
            return parts[3], int(parts[1], 16)
    raise ValueError(f"{library}: no icudt*_dat symbol")


def trim(library: Path) -> tuple[int, int]:
    """Rewrites ``library`` with trimmed data; returns its size before and after."""
    name, size = symbol(library)
    binary = library.read_bytes()
    start = _package_start(binary)
    smaller = trimmed(binary[start : start + size])
    soname = library.name
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "data.bin").write_bytes(smaller)
        (work / "data.S").write_text(
            f".section .rodata\n.globl {name}\n.type {name}, @object\n.balign {ALIGN}\n{name}:\n"
            f'.incbin "{work / "data.bin"}"\n.size {name}, .-{name}\n'
            '.section .note.GNU-stack,"",@progbits\n'
        )
        built = work / soname
        subprocess.run(
            ["cc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(built), str(work / "data.S")],
            check=True,
        )
        before = library.stat().st_size
        shutil.copyfile(built, library)
    return before, library.stat().st_size


def _package_start(binary: bytes) -> int:
    at = binary.find(b"CmnD")
    while at != -1:
        if binary[at - 10 : at - 8] == b"\xda\x27":
            return at - 12
        at = binary.find(b"CmnD", at + 1)
    raise ValueError("no ICU common data in the library")


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        old, new = trim(Path(argument))
        print(f"{argument}: {old / 1e6:.1f} MB -> {new / 1e6:.1f} MB")
