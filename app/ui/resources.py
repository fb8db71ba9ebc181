"""One place that finds bundled files, from a source tree or a PyInstaller bundle."""

from __future__ import annotations

from pathlib import Path

from app.config import resources_dir


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


__all__ = ["resource_path", "resources_dir"]
