"""Reading tables from CSV and XLSX files (no Qt, no database)."""
