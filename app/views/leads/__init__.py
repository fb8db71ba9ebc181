"""The lead list."""
