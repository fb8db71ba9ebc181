"""Small layout helpers shared by the views."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def keep_space_when_hidden(widget: QWidget) -> None:
    """The layout keeps the widget's place while it is hidden, so showing it moves nothing: a bar
    that appears with the first click must not push the rows away from under the second."""
    policy = widget.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    widget.setSizePolicy(policy)
