"""Workflows: multi-step processes on records (see definition.py, engine.py)."""
