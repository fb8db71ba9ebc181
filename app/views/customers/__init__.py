"""The contact and company lists."""
