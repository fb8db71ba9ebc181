"""Bringing data in from other systems' files: deals from CSV or XLSX."""
