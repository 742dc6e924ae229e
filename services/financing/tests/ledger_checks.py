"""The ledger invariants every test ends with.

- Every entry balances, and so does every fund (sum of debits equals sum of credits).
- Per fund, the loans-receivable balance equals the loans' outstanding principal. Outstanding
  principal is read from the ``loan_outstanding_principal`` view when loan servicing provides one
  (one row per loan: ``loan_id``, ``fund_id``, ``outstanding``); before that no loan has been
  disbursed, so it is zero for every loan in ``pending_disbursement``.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def assert_ledger_balances(engine: AsyncEngine) -> None:
    async with engine.connect() as conn:
        unbalanced_entries = (
            await conn.execute(
                text(
                    "SELECT entry_id, sum(debit) d, sum(credit) c FROM journal_lines "
                    "GROUP BY entry_id HAVING sum(debit) <> sum(credit) OR count(*) < 2"
                )
            )
        ).all()
        assert unbalanced_entries == [], f"unbalanced journal entries: {unbalanced_entries}"
        per_fund = (
            await conn.execute(
                text(
                    "SELECT f.id, coalesce(sum(l.debit), 0), coalesce(sum(l.credit), 0), "
                    "coalesce(sum(l.debit - l.credit) FILTER "
                    "(WHERE l.account = 'loans_receivable'), 0) "
                    "FROM funds f LEFT JOIN journal_lines l ON l.fund_id = f.id GROUP BY f.id"
                )
            )
        ).all()
        has_view = await conn.scalar(
            text("SELECT to_regclass('loan_outstanding_principal') IS NOT NULL")
        )
        for fund_id, debits, credits, receivable in per_fund:
            assert debits == credits, f"fund {fund_id}: debits {debits} != credits {credits}"
            if has_view:
                outstanding = await conn.scalar(
                    text(
                        "SELECT coalesce(sum(outstanding), 0) FROM loan_outstanding_principal "
                        "WHERE fund_id = :f"
                    ),
                    {"f": fund_id},
                )
            else:
                not_pending = await conn.scalar(
                    text(
                        "SELECT count(*) FROM loans WHERE fund_id = :f "
                        "AND status <> 'pending_disbursement'"
                    ),
                    {"f": fund_id},
                )
                assert not_pending == 0, "loans beyond pending_disbursement need servicing's view"
                outstanding = Decimal(0)
            assert Decimal(receivable) == Decimal(outstanding), (
                f"fund {fund_id}: loans receivable {receivable} != outstanding {outstanding}"
            )
        committed_over_cash = (
            await conn.execute(
                text(
                    "SELECT c.fund_id FROM fund_commitments c WHERE c.released_at IS NULL "
                    "GROUP BY c.fund_id HAVING sum(c.amount - c.drawn) > (SELECT "
                    "coalesce(sum(debit - credit), 0) FROM journal_lines l "
                    "WHERE l.fund_id = c.fund_id AND l.account = 'cash')"
                )
            )
        ).all()
        assert committed_over_cash == [], f"committed above cash in funds {committed_over_cash}"
        # The fund's maintained cash (its ``fund_cash`` row plus the deltas not yet rolled in)
        # is what its cash lines sum to.
        maintained_off = (
            await conn.execute(
                text(
                    "SELECT f.id, (SELECT coalesce(sum(debit - credit), 0) FROM journal_lines l "
                    "WHERE l.fund_id = f.id AND l.account = 'cash') AS lines, "
                    "coalesce((SELECT cash FROM fund_cash c WHERE c.fund_id = f.id), 0) + "
                    "(SELECT coalesce(sum(amount), 0) FROM fund_cash_deltas d "
                    "WHERE d.fund_id = f.id) AS maintained FROM funds f"
                )
            )
        ).all()
        off = [tuple(r) for r in maintained_off if r[1] != r[2]]
        assert off == [], f"maintained fund cash differs from the cash lines: {off}"
