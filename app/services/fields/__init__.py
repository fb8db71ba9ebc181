"""Fields of every record: custom field definitions and values, form layouts, field rules."""
