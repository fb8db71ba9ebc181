"""Workflows in the window: Settings › Workflows, a record's workflows, the path a run took."""
