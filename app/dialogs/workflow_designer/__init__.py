"""The workflow designer: a palette of steps, the steps as a tree (drag and drop), their settings."""
