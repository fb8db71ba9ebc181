"""Demo data: a realistic small business's CRM, from a few deals to a million."""

from app.demo.generator import DemoCancelled, DemoError, DemoStats, generate_demo

# Bumped whenever the generated data changes (benchmarks rebuild their databases then).
DEMO_VERSION = 19

__all__ = ["DEMO_VERSION", "DemoCancelled", "DemoError", "DemoStats", "generate_demo"]
