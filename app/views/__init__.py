"""Qt views: the main window, the Deals area and its list, kanban and calendar views."""
