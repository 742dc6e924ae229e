"""Per-cooperative financing summaries for other services (e.g. the registry scorecard)."""
