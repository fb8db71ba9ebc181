"""Automation: rules per stage, triggers that move deals, and the engine that runs their jobs."""
