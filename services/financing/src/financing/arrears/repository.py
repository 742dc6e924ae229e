"""Queries on funds' business dates and closed business days, and end of day's set-based close
of one chunk of loans."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from financing.arrears.models import EndOfDayRun, FundBusinessDate
from financing.loans.fingerprint import HASH_MODULUS, digest_text_sql, transaction_hash_sql

_KEPT = "kopmod_business_dates"


def keep_business_date(session: AsyncSession, row: FundBusinessDate) -> None:
    """Hold ``row`` on the session, so a later read in the same request finds it (the session's
    identity map holds objects weakly)."""
    session.info.setdefault(_KEPT, {})[row.fund_id] = row


class ArrearsRepository:
    """Business dates and end-of-day runs."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, obj: object) -> None:
        self.session.add(obj)
        await self.session.flush()

    async def business_date(
        self, fund_id: UUID, *, for_update: bool = False
    ) -> FundBusinessDate | None:
        if not for_update:
            # Changed only through the ORM object, so the one already in this session (a
            # command reads it twice: its rules, then its answer) is the current value. The
            # session's identity map holds objects weakly: the row is kept on the session so
            # the second read finds it.
            row = await self.session.get(FundBusinessDate, fund_id)
            if row is not None:
                keep_business_date(self.session, row)
            return row
        stmt = select(FundBusinessDate).where(FundBusinessDate.fund_id == fund_id)
        return await self.session.scalar(stmt.with_for_update())

    async def end_of_day_run(
        self, fund_id: UUID, day: date, *, for_update: bool = False
    ) -> EndOfDayRun | None:
        stmt = select(EndOfDayRun).where(
            EndOfDayRun.fund_id == fund_id, EndOfDayRun.business_date == day
        )
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def end_of_day_runs(
        self, fund_id: UUID, date_from: date, date_to: date
    ) -> Sequence[EndOfDayRun]:
        return (
            await self.session.scalars(
                select(EndOfDayRun)
                .where(
                    EndOfDayRun.fund_id == fund_id,
                    EndOfDayRun.business_date >= date_from,
                    EndOfDayRun.business_date <= date_to,
                )
                .order_by(EndOfDayRun.business_date)
            )
        ).all()


@dataclass(frozen=True)
class ChunkClosed:
    """What closing a day did for one chunk of loans."""

    loans: int
    last_loan_id: UUID | None
    penalties: Decimal
    # Loans whose OJK class changed: loan and cooperative ids, classes, days, overdue amounts.
    class_changes: list[dict[str, Any]]


# Closes business day :day for the next :limit open loans of the fund after :after, in one
# statement on the maintained state (no replay): locks the chunk's loans, reads what is overdue
# from their installment balances, charges the day's penalty (once: the daily-penalty index),
# adds it to the oldest overdue installment, ages arrears and reclassifies as of the next day.
# The rules are those of ``arrears.ageing`` (``arrears``, ``penalty_for_day``), which
# ``tests/arrears`` hold this against.
def collectibility_sql(days: str) -> str:
    """The OJK class of ``days`` past due in SQL, as ``arrears.ageing.collectibility_for``."""
    return (
        f"CASE WHEN {days} = 0 THEN 1 WHEN {days} <= 90 THEN 2 WHEN {days} <= 120 THEN 3 "
        f"WHEN {days} <= 180 THEN 4 ELSE 5 END"
    )


_CLOSE_CHUNK = text(
    f"""
    WITH p AS (
        SELECT CAST(:day AS date) AS day, CAST(:tomorrow AS date) AS tomorrow
    ),
    chunk AS (
        SELECT l.id, l.cooperative_id, l.status, l.penalty_rate,
               l.arrears_tolerance_days AS tolerance
        FROM loans l
        WHERE l.fund_id = CAST(:fund AS uuid) AND l.status IN ('active', 'overpaid')
          AND l.id > CAST(:after AS uuid)
        ORDER BY l.id
        LIMIT CAST(:limit AS integer)
        FOR UPDATE OF l
    ),
    owing AS (
        SELECT b.loan_id,
            min(b.number) FILTER (WHERE b.due_date < p.day) AS target,
            sum(b.principal + b.interest) FILTER (WHERE b.due_date < p.day) AS overdue_today,
            min(b.due_date) FILTER (
                WHERE b.due_date < p.day AND b.principal + b.interest > 0) AS oldest_today,
            sum(b.principal) FILTER (WHERE b.due_date < p.tomorrow) AS overdue_principal,
            sum(b.interest) FILTER (WHERE b.due_date < p.tomorrow) AS overdue_interest,
            min(b.due_date) FILTER (
                WHERE b.due_date < p.tomorrow AND b.principal + b.interest > 0) AS oldest,
            min(b.due_date) FILTER (WHERE b.due_date >= p.tomorrow) AS next_due
        FROM loan_installment_balances b
        JOIN chunk c ON c.id = b.loan_id
        CROSS JOIN p
        WHERE b.principal + b.interest + b.penalty + b.fee > 0
        GROUP BY b.loan_id
    ),
    figures AS (
        SELECT c.id, c.cooperative_id, a.collectibility AS before, o.target, o.next_due,
            coalesce(o.overdue_principal, 0) AS overdue_principal,
            coalesce(o.overdue_interest, 0) AS overdue_interest,
            CASE WHEN c.status = 'active' AND coalesce(c.penalty_rate, 0) > 0
                      AND o.oldest_today IS NOT NULL AND p.day - o.oldest_today > c.tolerance
                 THEN round_cents_half_even(
                     o.overdue_today * c.penalty_rate / 365.00000000000000000000)
                 ELSE 0 END AS penalty,
            CASE WHEN o.oldest IS NOT NULL AND p.tomorrow - o.oldest > c.tolerance
                 THEN p.tomorrow - o.oldest ELSE 0 END AS days
        FROM chunk c
        CROSS JOIN p
        JOIN loan_accounts a ON a.loan_id = c.id
        LEFT JOIN owing o ON o.loan_id = c.id
    ),
    charged AS (
        INSERT INTO loan_transactions (id, loan_id, fund_id, kind, value_date, amount, created_by)
        SELECT gen_random_uuid(), f.id, CAST(:fund AS uuid), 'penalty_charge', p.day, f.penalty,
               CAST(:actor AS text)
        FROM figures f CROSS JOIN p
        WHERE f.penalty > 0
        ORDER BY f.id
        ON CONFLICT (loan_id, value_date)
            WHERE kind = 'penalty_charge' AND reversed_at IS NULL DO NOTHING
        RETURNING loan_id, amount, {transaction_hash_sql("id")} AS hashed
    ),
    installments AS (
        UPDATE loan_installment_balances b SET penalty = b.penalty + ch.amount
        FROM charged ch JOIN figures f ON f.id = ch.loan_id
        WHERE b.loan_id = ch.loan_id AND b.number = f.target
        RETURNING b.loan_id
    ),
    accounts AS (
        UPDATE loan_accounts a SET
            penalty_outstanding = a.penalty_outstanding + coalesce(ch.amount, 0),
            days_past_due = f.days,
            collectibility = {collectibility_sql("f.days")},
            overdue_principal = f.overdue_principal,
            overdue_interest = f.overdue_interest,
            next_due_date = f.next_due,
            as_of = (SELECT tomorrow FROM p),
            -- The penalty joins the fingerprint of the loan's live transactions.
            live_transactions = a.live_transactions + CAST(ch.loan_id IS NOT NULL AS integer),
            live_hash = mod(a.live_hash + coalesce(ch.hashed, 0), {HASH_MODULUS}),
            updated_at = now()
        FROM figures f LEFT JOIN charged ch ON ch.loan_id = f.id
        -- The chunk's ids again as an array: the planner then reads the 500 accounts through
        -- their primary key (it misjudged the CTE's size and read every account of the fund
        -- for each chunk: quadratic in the fund's loans).
        WHERE a.loan_id = f.id AND a.loan_id = ANY(ARRAY(SELECT id FROM chunk))
        RETURNING a.loan_id, a.collectibility, a.days_past_due, f.before, f.cooperative_id,
                  f.overdue_principal, f.overdue_interest
    )
    SELECT
        (SELECT count(*) FROM chunk) AS loans,
        (SELECT id FROM chunk ORDER BY id DESC LIMIT 1) AS last_loan_id,
        (SELECT coalesce(sum(amount), 0) FROM charged) AS penalties,
        (SELECT count(*) FROM installments) AS installments,
        (SELECT coalesce(json_agg(json_build_object(
                    'loan_id', loan_id, 'cooperative_id', cooperative_id,
                    'from_class', before, 'to_class', collectibility,
                    'days_past_due', days_past_due,
                    'overdue_principal', overdue_principal::text,
                    'overdue_interest', overdue_interest::text) ORDER BY loan_id), '[]')
         FROM accounts WHERE before <> collectibility) AS class_changes
    """  # noqa: S608 (constants of this module only)
)

NO_LOAN = UUID(int=0)


async def close_chunk(
    session: AsyncSession,
    *,
    fund_id: UUID,
    day: date,
    after: UUID | None,
    limit: int,
    actor: str,
) -> ChunkClosed:
    row = (
        await session.execute(
            _CLOSE_CHUNK,
            {
                "fund": fund_id,
                "day": day,
                "tomorrow": day + timedelta(days=1),
                "after": after or NO_LOAN,
                "limit": limit,
                "actor": actor,
            },
        )
    ).one()
    changes = row.class_changes
    if isinstance(changes, str):
        changes = json.loads(changes, parse_float=Decimal)
    return ChunkClosed(
        loans=row.loans,
        last_loan_id=row.last_loan_id,
        penalties=Decimal(row.penalties),
        class_changes=list(changes),
    )


# A month end's row for each loan of a chunk end of day has just closed (the same loans as
# ``_CLOSE_CHUNK``, by id range): principal outstanding, and the OJK class on that day as
# ``arrears.ageing.arrears`` ages it (days from the oldest installment due before the day with
# principal or interest unpaid, past the tolerance); the digest of the transactions it stands
# on is ``loans.month_ends.digest``'s, from the fingerprint the account keeps of the loan's
# live transactions (none is valued after the business date, so that is the digest of those
# valued on or before the day): one account row per loan, not its history.
_SNAPSHOT_MONTH_END = text(
    f"""
    WITH figures AS (
        SELECT l.id, l.fund_id, a.principal_outstanding,
            CASE WHEN o.oldest IS NOT NULL
                      AND CAST(:day AS date) - o.oldest > l.arrears_tolerance_days
                 THEN CAST(:day AS date) - o.oldest ELSE 0 END AS days,
            {digest_text_sql("a.live_transactions", "a.live_hash")} AS digest
        FROM loans l
        JOIN loan_accounts a ON a.loan_id = l.id
        LEFT JOIN LATERAL (
            SELECT min(b.due_date) AS oldest FROM loan_installment_balances b
            WHERE b.loan_id = l.id AND b.due_date < CAST(:day AS date)
              AND b.principal + b.interest > 0
        ) o ON true
        WHERE l.fund_id = CAST(:fund AS uuid) AND l.status IN ('active', 'overpaid')
          AND l.id > CAST(:after AS uuid) AND l.id <= CAST(:last AS uuid)
    )
    INSERT INTO loan_month_ends AS m
        (loan_id, month_end, fund_id, principal_outstanding, collectibility, digest)
    SELECT id, CAST(:day AS date), fund_id, principal_outstanding,
           {collectibility_sql("days")}, digest
    FROM figures
    ON CONFLICT (loan_id, month_end) DO UPDATE SET
        principal_outstanding = excluded.principal_outstanding,
        collectibility = excluded.collectibility,
        digest = excluded.digest
    """  # noqa: S608 (constants of this module only)
)


async def snapshot_month_end(
    session: AsyncSession, *, fund_id: UUID, day: date, after: UUID | None, last: UUID
) -> None:
    """Write ``day``'s month-end rows for the loans after ``after`` up to ``last`` (a chunk
    just closed)."""
    await session.execute(
        _SNAPSHOT_MONTH_END,
        {"fund": fund_id, "day": day, "after": after or NO_LOAN, "last": last},
    )


# The installments end of day reminds about, for the chunk's loans (ids in (:after, :last]):
# unpaid ones due 7 or 1 days after the new business date, and unpaid ones due on the day closed
# (overdue from the new date). Each day is closed once per loan, so each is said once.
_REMINDERS = text(
    """
    SELECT b.loan_id, l.cooperative_id, b.number, b.due_date,
           (b.principal + b.interest + b.penalty + b.fee)::text AS amount_due,
           CASE WHEN b.due_date = CAST(:day AS date) THEN 'overdue' ELSE 'due_soon' END AS kind
    FROM loan_installment_balances b
    JOIN loans l ON l.id = b.loan_id
    WHERE l.fund_id = CAST(:fund AS uuid) AND l.status IN ('active', 'overpaid')
      AND l.id > CAST(:after AS uuid) AND l.id <= CAST(:last AS uuid)
      AND b.principal + b.interest + b.penalty + b.fee > 0
      AND b.due_date IN (CAST(:day AS date), CAST(:in_one AS date), CAST(:in_seven AS date))
    ORDER BY b.loan_id, b.number
    """
)


async def installment_reminders(
    session: AsyncSession, *, fund_id: UUID, day: date, after: UUID | None, last: UUID
) -> list[Any]:
    """Rows (loan, cooperative, number, due date, amount due, kind) to remind about when closing
    ``day`` for the chunk of loans after ``after`` up to ``last``."""
    tomorrow = day + timedelta(days=1)
    rows = await session.execute(
        _REMINDERS,
        {
            "fund": fund_id,
            "day": day,
            "in_one": tomorrow + timedelta(days=1),
            "in_seven": tomorrow + timedelta(days=7),
            "after": after or NO_LOAN,
            "last": last,
        },
    )
    return list(rows.all())
