"""Qt dialogs: deal forms, settings dialogs, pickers."""
