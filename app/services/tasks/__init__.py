"""Tasks and activities: the work around each deal."""
