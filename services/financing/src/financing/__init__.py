"""kopmod financing service."""
