"""Loan accounts: opened at signing (akad) or by an approved reschedule; their transactions,
states, reads, and the path every command on a loan ends on."""
