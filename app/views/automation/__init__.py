"""Automation on screen: the rules board, a rule's dialog, the run log, the engine's timer."""
