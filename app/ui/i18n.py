"""Translations: choosing the language, loading .qm files, translating service messages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.services.core.errors import Message
from app.ui.resources import resource_path

LANGUAGES = ("en", "de")


def effective_language(requested: str | None, setting: str | None) -> str:
    """The command line wins, then the setting, then the system locale; English otherwise."""
    for choice in (requested, setting):
        if choice in LANGUAGES:
            return choice
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Dealdesk's and Qt's own translations; return them (they must stay referenced)."""
    locale = (
        QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if language == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    # English needs its file too: it holds the plural forms ("1 deal", "2 deals").
    candidates = [(f"dealdesk_{language}", str(resource_path("translations")))]
    if language != "en":
        candidates.append(
            (f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        )
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def _locale_for(language: str) -> QLocale:
    """Number and date formats: the system's own when it speaks the language, else a sensible one."""
    system = QLocale.system()
    if language == "de":
        wanted = QLocale.Language.German
        fallback = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    else:
        wanted = QLocale.Language.English
        fallback = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return system if system.language() == wanted else fallback


def translate_message(message: Message) -> str:
    """A service message in the current language, its placeholders filled (and translated too)."""
    template = QCoreApplication.translate(message.context, message.template)
    return template.format(**{key: _translate_param(value) for key, value in message.params.items()})


def _translate_param(value: Any) -> str:
    if isinstance(value, Message):
        return translate_message(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(_translate_param(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return QLocale().toString(value)
    return str(value)


def error_text(error: BaseException) -> str:
    """What to show the user for an error from the services."""
    messages = getattr(error, "messages", None)
    if messages:
        return "\n".join(translate_message(m) for m in messages)
    return str(error)
