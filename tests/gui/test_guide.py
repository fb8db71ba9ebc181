"""The user guide opens offline from Help › User guide (F1) on the page of the area on screen, in the
language spoken, with its screenshots; a link leads to another page and the page list follows."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument

from app.config import guide_dir
from app.dialogs.guide_dialog import GuideDialog, guide_pages
from app.views.sidebar import Area


def test_every_page_of_both_languages_is_listed_and_its_pictures_are_there() -> None:
    for language in ("en", "de"):
        pages = guide_pages(language)
        assert len(pages) == 16
        assert pages[0] == (
            "index.md",
            "Dealdesk user guide" if language == "en" else "Dealdesk-Benutzerhandbuch",
        )
        for name, _title in pages:
            text = (guide_dir() / language / name).read_text(encoding="utf-8")
            for picture in __import__("re").findall(r"\]\((\.\./images/[\w/.-]+)\)", text):
                assert (guide_dir() / language / picture).resolve().is_file(), (language, name, picture)


def test_f1_opens_the_page_of_the_area_on_screen(qtbot, window) -> None:
    window.sidebar.select(Area.TASKS)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.tasks, Qt.Key.Key_F1)  # the key, wherever the focus is in the window
    qtbot.waitUntil(lambda: getattr(window, "guide", None) is not None and window.guide.isVisible())
    guide = window.guide
    assert guide.current_page() == "tasks.md"
    assert guide.pages.currentItem().text() == "Tasks, activities and reminders"
    assert "Plan the next step of every deal" in guide.browser.toPlainText()
    picture = guide.browser.source().resolved(QUrl("../images/en/07-tasks.png"))
    assert picture.toLocalFile() in guide.browser.toHtml() or "07-tasks.png" in guide.browser.toHtml()
    loaded = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource, picture)
    assert loaded is not None
    assert len(bytes(loaded)) > 10_000  # the screenshot itself
    link = guide.browser.source().resolved(QUrl("invoices.md"))  # as a click on a link resolves it
    guide.browser.setSource(link)
    qtbot.waitUntil(lambda: guide.current_page() == "invoices.md")
    assert guide.pages.currentItem().text() == "Quotes and invoices"
    guide.close()


def test_the_german_guide(qtbot) -> None:
    guide = GuideDialog("de", "sharing.md")
    qtbot.addWidget(guide)
    assert guide.current_page() == "sharing.md"
    assert "Rollback-Journal" in guide.browser.toPlainText()
    assert guide.show_page("no-such-page.md")  # falls back to the contents
    assert guide.current_page() == "index.md"
