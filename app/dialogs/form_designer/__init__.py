"""The form-layout designer: sections, fields, who sees them, what each stage requires."""
