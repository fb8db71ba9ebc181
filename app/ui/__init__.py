"""Qt infrastructure the views and dialogs share: translations, settings, actions, change signals."""
