"""The modernisation scorecard: one cooperative, and the programme view for the ministry."""
