"""Dealdesk: a desktop CRM for deals."""

# Kept equal to pyproject.toml's version by a test; a constant, because asking the installed
# package metadata costs ~35 ms of every start.
__version__ = "0.1.0"
