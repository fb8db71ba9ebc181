"""Demo data: a realistic small business's CRM, from a few deals to a million."""

from app.demo.generator import DemoCancelled, DemoError, DemoStats, generate_demo

__all__ = ["DemoCancelled", "DemoError", "DemoStats", "generate_demo"]
