"""Invoices as records: drafts, issued with numbers without gaps, cancelled by a cancellation invoice,
paid in parts; down-payment and final invoices."""
