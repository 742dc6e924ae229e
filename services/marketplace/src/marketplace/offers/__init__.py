"""Supply offers: what a cooperative can supply, per period over a window."""
