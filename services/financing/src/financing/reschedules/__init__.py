"""Reschedules: a new tenor or grace for a loan's outstanding balance, with four eyes; an
approval opens a successor loan."""
