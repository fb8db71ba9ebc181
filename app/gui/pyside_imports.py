"""PySide6 looks at every module imported after it, to know whether the module uses PySide6
(for `from __feature__ import snake_case`): it reads the module's source through
`inspect.getsource`, which keeps every line of it in `linecache` for the life of the process.
For the GUI's imports that is 500 files, ~11 MB kept and 60–90 ms of a cold start; matplotlib
adds 16 MB more. The same question is answered here by one read of the file, nothing kept."""

from __future__ import annotations

import sys
from types import ModuleType


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own test ("PySide6" anywhere in the source), without keeping the source."""
    path = getattr(module, "__file__", None)
    if not path or not path.endswith(".py"):
        return False  # no source (a bundle's compiled modules): PySide6 decides the same
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def lighten_import_scan() -> None:
    """Answer PySide6's per-import question cheaply (a no-op where PySide6 has no such scan)."""
    import PySide6.QtCore  # noqa: F401  # sets up the scan

    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
        feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
