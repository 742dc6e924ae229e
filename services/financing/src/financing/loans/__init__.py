"""Loan accounts: created at signing (akad), serviced by ``financing.servicing``."""
