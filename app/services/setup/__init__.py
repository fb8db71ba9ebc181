"""The office's set-up: pipelines, stages and tunnels, products, currencies, office settings, defaults."""
