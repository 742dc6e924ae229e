"""Per-cooperative market summaries for other services (e.g. the registry scorecard)."""
