"""Fill every loan's maintained state from a full replay: once, on a database that had loans
before a migration added to the maintained state (``kopmod migrate`` does it by itself after
an upgrade across one: ``kopmod_cli.stack.REBUILD_AFTER``), or to repair it.

    uv run python -m financing.rebuild            # DATABASE_URL as the service reads it

Each loan is replayed from its transactions and its ``loan_accounts`` row, installment balances
and allocation columns rewritten (``loans.state.refresh_account``) on the date its snapshot
already had; nothing else changes (no status, no ledger, no event). A few hundred loans per
transaction, each locked while it is rewritten.
"""

from __future__ import annotations

import asyncio
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from financing.loans.repository import LoanRepository
from financing.loans.service import LoanBook
from financing.loans.state import refresh_account
from financing.settings import FinancingSettings
from kopmod_shared.db import create_engine, make_sessionmaker

CHUNK = 500


async def rebuild_chunk(session: AsyncSession, after: UUID | None) -> UUID | None:
    """Rewrite the next chunk of loans (every fund, id order); answer the last one done."""
    repo = LoanRepository(session)
    loans = await repo.loans_page(after=after, limit=CHUNK, for_update=True)
    records = await repo.transactions_of_loans([loan.id for loan in loans])
    accounts = await repo.accounts_of_loans([loan.id for loan in loans])
    for loan in loans:
        account = accounts.get(loan.id)
        if account is None:  # never disbursed: nothing is maintained yet
            continue
        book = LoanBook(loan=loan, records=records[loan.id])
        await refresh_account(session, repo, book, book.replay(), account.as_of)
    return loans[-1].id if loans else None


async def rebuild(sessionmaker: async_sessionmaker[AsyncSession]) -> int:
    done = 0
    after: UUID | None = None
    while True:
        async with sessionmaker() as session:
            last = await rebuild_chunk(session, after)
            await session.commit()
        if last is None:
            return done
        done += CHUNK
        after = last


async def rebuild_database(url: str) -> int:
    """:func:`rebuild` on the database at ``url`` (``kopmod migrate`` calls it after an upgrade
    that crossed a migration adding to the maintained state)."""
    engine = create_engine(url, statement_timeout_ms=600_000)
    try:
        return await rebuild(make_sessionmaker(engine))
    finally:
        await engine.dispose()


async def main() -> None:
    loans = await rebuild_database(FinancingSettings().database_url)
    print(f"maintained state rebuilt for up to {loans} loans")


if __name__ == "__main__":
    asyncio.run(main())
