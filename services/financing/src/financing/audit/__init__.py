"""The audit trail: one row per command (who, what, when, request, outcome)."""
