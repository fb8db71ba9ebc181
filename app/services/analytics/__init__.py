"""Sales figures for the Analytics page, from SQL aggregates and the running totals."""
