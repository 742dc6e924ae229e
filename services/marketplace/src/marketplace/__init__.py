"""kopmod marketplace service."""
