"""Settings > Pipelines: pipelines, their stages, and the tunnels between them."""
