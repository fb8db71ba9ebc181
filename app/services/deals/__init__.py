"""Deals: create, edit, move through stages, in bulk; the list, kanban and calendar reads; the form."""
