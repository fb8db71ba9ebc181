"""Word documents to PDF with LibreOffice, when it is installed (said plainly when it is not)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from app.services.core.errors import ServiceError
from app.services.core.i18n import QT_TRANSLATE_NOOP

SOFFICE_TIMEOUT_S = 120

MSG_NO_PDF = QT_TRANSLATE_NOOP(
    "errors", "A PDF needs LibreOffice, which is not installed on this computer; the Word document was kept."
)


# LibreOffice's PDF export as PDF/A-3b: the archive format ZUGFeRD / Factur-X embeds its XML in.
PDFA3 = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"3"}}'


def docx_to_pdf(name: str, content: bytes, *, pdfa: bool = False) -> bytes:
    """The PDF of a Word document (`name` only for the message when LibreOffice fails); `pdfa`: as
    PDF/A-3b."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ServiceError(MSG_NO_PDF)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "document.docx"
        source.write_bytes(content)
        try:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation={Path(folder, 'profile').as_uri()}",  # never the user's own
                    "--headless",
                    "--convert-to",
                    PDFA3 if pdfa else "pdf",
                    "--outdir",
                    folder,
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=SOFFICE_TIMEOUT_S,
            )
            return (Path(folder) / "document.pdf").read_bytes()
        except (OSError, subprocess.SubprocessError) as exc:
            raise ServiceError(
                QT_TRANSLATE_NOOP("errors", "LibreOffice could not make a PDF of '{file}'."), file=name
            ) from exc
