"""The user guide, offline: the Markdown pages shipped in docs/guide/<language>/ with their
screenshots, a list of pages beside the page shown; links between pages follow. Help › User guide
(F1) opens the page of the area on screen."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from app.config import guide_dir

PageRole = Qt.ItemDataRole.UserRole + 1


def guide_pages(language: str) -> list[tuple[str, str]]:
    """(file name, title) of each page in the guide's own order (its index page lists them)."""
    folder = guide_dir() / (language if (guide_dir() / language).is_dir() else "en")
    index = folder / "index.md"
    if not index.is_file():
        return []
    pages = [("index.md", _title(index))]
    for match in re.finditer(r"\]\(([\w-]+\.md)\)", index.read_text(encoding="utf-8")):
        name = match.group(1)
        if (folder / name).is_file() and name not in (p for p, _t in pages):
            pages.append((name, _title(folder / name)))
    return pages


def _title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


class GuideDialog(QDialog):
    def __init__(self, language: str, page: str = "index.md", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("Dealdesk user guide"))
        self.resize(1000, 720)
        self.folder = guide_dir() / (language if (guide_dir() / language).is_dir() else "en")
        self.pages = QListWidget()
        self.pages.setObjectName("guidePages")
        self.pages.setMaximumWidth(260)
        for name, title in guide_pages(language):
            item = QListWidgetItem(title)
            item.setData(PageRole, name)
            self.pages.addItem(item)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guidePage")
        self.browser.setOpenExternalLinks(True)
        layout = QHBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.browser, 1)
        self.pages.currentItemChanged.connect(
            lambda item, _old: self.show_page(item.data(PageRole)) if item is not None else None
        )
        self.browser.sourceChanged.connect(self._follow)
        self.show_page(page)

    def show_page(self, name: str) -> bool:
        """Show a page by file name (index.md when there is no such page)."""
        path = self.folder / name
        if not path.is_file():
            path = self.folder / "index.md"
        if not path.is_file():
            self.browser.setPlainText(self.tr("The user guide is missing from this installation."))
            return False
        url = QUrl.fromLocalFile(str(path))
        if self.browser.source() != url:
            self.browser.setSource(url, QTextDocument.ResourceType.MarkdownResource)
        return True

    def fit_images(self) -> None:
        """Screenshots as wide as the page at most (their own size when that is smaller)."""
        width = max(200, self.browser.viewport().width() - 24)
        document = self.browser.document()
        cursor = QTextCursor(document)
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                image = fragment.charFormat().toImageFormat() if fragment.isValid() else None
                if image is not None and image.isValid():
                    natural = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    full = natural.width() if hasattr(natural, "width") else width
                    image.setWidth(min(full, width))
                    if hasattr(natural, "height") and full:
                        image.setHeight(natural.height() * min(full, width) / full)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    cursor.setCharFormat(image)
                iterator += 1
            block = block.next()

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.fit_images()

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).name

    def _follow(self, url: QUrl) -> None:
        """A page was shown: its pictures fitted, its entry in the list chosen (also after a link)."""
        self.fit_images()
        name = Path(url.toLocalFile()).name
        for row in range(self.pages.count()):
            item = self.pages.item(row)
            if item.data(PageRole) == name and self.pages.currentItem() is not item:
                self.pages.blockSignals(True)
                self.pages.setCurrentItem(item)
                self.pages.blockSignals(False)
