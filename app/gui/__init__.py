"""Starting the GUI: the application object, translations, the main window; offscreen screenshots."""

from app.gui.pyside_imports import lighten_import_scan

lighten_import_scan()
