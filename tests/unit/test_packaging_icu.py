"""The Linux bundle's ICU data trimmed to root, English and German (packaging/linux/icu_data.py):
what stays is byte for byte what was there, in a package ICU can read, in a library with the same
symbol and soname."""

from __future__ import annotations

import ctypes
import importlib.util
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("icu_data", ROOT / "packaging" / "linux" / "icu_data.py")
assert _spec is not None
assert _spec.loader is not None
icu_data = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(icu_data)


def _qt_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found or shutil.which("nm") is None:
        pytest.skip("no ICU data library in this PySide6 (not Linux) or no nm")
    return found[0]


@pytest.fixture(scope="module")
def package() -> bytes:
    library = _qt_icu_data()
    _, size = icu_data.symbol(library)
    binary = library.read_bytes()
    start = icu_data._package_start(binary)
    return binary[start : start + size]


def test_the_trimmed_package_keeps_root_english_german_and_what_belongs_to_no_locale(package: bytes) -> None:
    _, before = icu_data.items(package)
    smaller = icu_data.trimmed(package)
    header_size, after = icu_data.items(smaller)
    assert len(smaller) < len(package) / 4
    original = dict(before)
    kept = dict(after)
    assert set(kept) < set(original)
    assert all(kept[name] == original[name][: len(kept[name])] for name in kept)  # padding aside
    names = {name.split("/", 1)[1] for name in kept}
    for wanted in (
        "root.res",
        "de.res",
        "en.res",
        "de_CH.res",
        "coll/de.res",
        "coll/root.res",
        "coll/ucadata.icu",
        "res_index.res",
        "pool.res",
        "cnvalias.icu",
        "supplementalData.res",
        "zoneinfo64.res",
        "ibm-5348_P100-1997.cnv",
    ):
        assert wanted in names, wanted
    for dropped in ("fr.res", "coll/sv.res", "lang/ja.res", "brkitr/cjdict.dict", "gb18030.cnv"):
        assert dropped not in names, dropped
    assert not any(name.startswith("translit/") for name in names)
    # ICU finds items by a binary search over the names: they stay sorted, the data aligned.
    assert [name for name, _ in after] == sorted(name for name, _ in after)
    count = struct.unpack_from("<I", smaller, header_size)[0]
    offsets = [struct.unpack_from("<II", smaller, header_size + 4 + 8 * i)[1] for i in range(count)]
    assert count == len(kept)
    assert all((header_size + offset) % 16 == 0 for offset in offsets)


def test_the_rebuilt_library_exports_the_trimmed_data_under_the_same_name(
    tmp_path: Path, package: bytes
) -> None:
    if shutil.which("cc") is None:
        pytest.skip("no C compiler")
    library = tmp_path / _qt_icu_data().name
    shutil.copyfile(_qt_icu_data(), library)
    before, after = icu_data.trim(library)
    assert after < before / 4
    symbol, size = icu_data.symbol(library)
    dynamic = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True).stdout
    assert f"[{library.name}]" in dynamic  # the soname libicuuc asks for
    loaded = ctypes.CDLL(str(library))
    data = ctypes.string_at(ctypes.addressof(ctypes.c_char.in_dll(loaded, symbol)), size)
    assert data == icu_data.trimmed(package)
