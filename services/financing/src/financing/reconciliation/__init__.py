"""Repayments from a bank statement: upload, preview by reference, commit (idempotent)."""
