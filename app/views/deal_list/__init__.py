"""The deal list: table model, delegates and the view."""
