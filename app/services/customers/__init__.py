"""Customers: companies and contacts (forms, lists, duplicates) and leads."""
