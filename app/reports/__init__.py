"""Charts of the sales figures, drawn with matplotlib (no Qt): the Analytics page, dealdesk report."""
