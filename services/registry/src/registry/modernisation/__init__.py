"""The modernisation programme: each cooperative's cohort and phase with its history, and the
mentoring (pendampingan) it receives."""
