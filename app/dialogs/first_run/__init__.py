"""The assistant on the first start."""
