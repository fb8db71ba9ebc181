"""Dealdesk benchmarks: `python -m benchmarks --deals N --out FILE.json` (never part of the tests)."""
