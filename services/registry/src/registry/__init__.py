"""kopmod registry service."""
