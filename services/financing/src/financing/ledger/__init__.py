"""The revolving fund's double-entry ledger: funds, journal entries, balances, commitments.

Public interface used by other modules (and by loan servicing)::

    from financing.ledger import Account, Line, post_entry, reverse_entry, lock_fund, balance
"""

from financing.ledger.service import (
    Account,
    Line,
    UnbalancedEntry,
    balance,
    lock_fund,
    post_entry,
    reverse_entry,
)

__all__ = [
    "Account",
    "Line",
    "UnbalancedEntry",
    "balance",
    "lock_fund",
    "post_entry",
    "reverse_entry",
]
