"""The Analytics page: charts of the sales figures."""
