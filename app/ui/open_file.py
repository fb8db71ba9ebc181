"""A document handed to the system's program for it (Word, a PDF viewer): written to Dealdesk's
folder in the temporary files, then opened; where no program opens it, the person is told where the
file was saved."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget


def open_document(parent: QWidget, name: str, content: bytes) -> Path:
    """Write the file and open it; returns where it was written."""
    folder = Path(tempfile.gettempdir()) / "dealdesk-documents"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        QMessageBox.information(
            parent,
            QCoreApplication.translate("DocumentsTab", "Document saved"),
            QCoreApplication.translate(
                "DocumentsTab",
                "No program on this computer opens Word documents. The document was saved as:\n%1",
            ).replace("%1", str(path)),
        )
    return path
