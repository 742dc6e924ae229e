"""The fingerprint of a set of a loan's transactions, kept up to date one change at a time: how
many there are and the sum (mod 2**60) of a hash of each one's id.

Every loan's ``loan_accounts`` row keeps the fingerprint of all its live (non-reversed)
transactions (``live_transactions``, ``live_hash``): written by ``loans.state.refresh_account``
with every command, from the transactions it has in hand, and moved on by end of day's penalty
in the statement that charges it (``arrears.repository``). No transaction is valued after the
business date, so on a month's last day the account's fingerprint is that of the transactions
valued on or before the day: the digest of the loan's month end (``loans.month_ends.digest``),
which a later command compares with the replay's to find the month ends a backdated change made
stale. The hash is of the id, not of ``seq``: a command knows its new transaction's id before
Postgres numbers it; md5, so ids made in the same millisecond spread over the 60 bits.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING
from uuid import UUID

if TYPE_CHECKING:
    from financing.loans.models import LoanTransactionRecord

# The fingerprint's hashes add up modulo this (each is the first 60 bits of an md5).
HASH_MODULUS = 2**60


def transaction_hash(transaction_id: UUID) -> int:
    """The first 60 bits of the md5 of the id's text; :func:`transaction_hash_sql` in SQL."""
    text = str(transaction_id).encode()
    return int(hashlib.md5(text, usedforsecurity=False).hexdigest()[:15], 16)


def transaction_hash_sql(column: str) -> str:
    """:func:`transaction_hash` of the uuid ``column`` in SQL (a bigint)."""
    return f"CAST(CAST('x' || substr(md5(CAST({column} AS text)), 1, 15) AS bit(60)) AS bigint)"


def fingerprint(
    records: Iterable[LoanTransactionRecord], until: date | None = None
) -> tuple[int, int]:
    """How many non-reversed transactions (valued on or before ``until``, when given) and the
    sum of their :func:`transaction_hash` modulo :data:`HASH_MODULUS`."""
    live = [
        r for r in records if r.reversed_at is None and (until is None or r.value_date <= until)
    ]
    return len(live), sum(transaction_hash(r.id) for r in live) % HASH_MODULUS


def digest_text(count: int, hashed: int) -> str:
    """A fingerprint as ``loan_month_ends.digest`` holds it; ``digest_text_sql`` in SQL."""
    return f"{count}:{hashed:015x}"


def digest_text_sql(count: str, hashed: str) -> str:
    return f"CAST({count} AS text) || ':' || lpad(to_hex({hashed}), 15, '0')"
