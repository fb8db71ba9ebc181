"""Importing deals from CSV and Excel files."""
