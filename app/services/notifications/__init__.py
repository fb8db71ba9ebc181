"""Notifications: what each person's bell shows, made from what others did to their deals and tasks."""
