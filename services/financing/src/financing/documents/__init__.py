"""Document storage behind an interface (local disk by default)."""
