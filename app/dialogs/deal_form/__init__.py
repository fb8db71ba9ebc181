"""The deal form and its parts: stage bar, sections, products, timeline, conflicts."""
