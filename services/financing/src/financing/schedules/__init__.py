"""Repayment schedules: a pure engine (no I/O) and the preview/CSV endpoints."""
