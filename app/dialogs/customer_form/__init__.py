"""The contact and company form."""
