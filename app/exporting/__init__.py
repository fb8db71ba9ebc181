"""Writing tables to CSV and XLSX files (no Qt, no database)."""
