"""Starting the GUI: the application object, translations, the main window; offscreen screenshots."""
