"""The kanban board of deals: columns per stage, cards painted by a delegate, moves by drag and drop."""
