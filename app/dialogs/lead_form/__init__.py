"""The lead form and its conversion."""
