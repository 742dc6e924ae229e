"""The revolving fund's double-entry ledger: funds, journal entries, balances, commitments.

Public interface used by other modules (and by loan servicing)::

    from financing.ledger import Account, Line, Posting, post_entry, reverse_entry, lock_fund
    from financing.ledger import balance
"""

from financing.ledger.service import (
    Account,
    Line,
    Posting,
    UnbalancedEntry,
    balance,
    lock_fund,
    post_entry,
    reverse_entry,
)

__all__ = [
    "Account",
    "Line",
    "Posting",
    "UnbalancedEntry",
    "balance",
    "lock_fund",
    "post_entry",
    "reverse_entry",
]
