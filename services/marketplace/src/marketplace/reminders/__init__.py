"""Reminders: proposals that expired unanswered and delivery milestones falling due, published
once each as events (a sweep the service runs every ``reminders_poll_seconds``)."""
