"""kopmod operator CLI."""
