"""Partnership contracts (kemitraan): born from an accepted proposal, delivered against a schedule
of milestones, with disputes over what was received."""
