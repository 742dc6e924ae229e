"""The maintained portfolio groups (``fund_portfolio_groups``, kept by triggers) against the same
groups counted afresh from every open loan's account: where they differ."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy import text

Key = tuple[Any, ...]

# Every open loan with principal outstanding, by product, province, arrears date and tolerance.
COUNTED = text(
    """
    SELECT l.product_id, l.province_code, coalesce(a.arrears_from, CAST('infinity' AS date)),
           l.arrears_tolerance_days, count(*), sum(a.principal_outstanding)
    FROM loan_accounts a JOIN loans l ON l.id = a.loan_id
    WHERE a.fund_id = :f AND a.principal_outstanding > 0
      AND l.status IN ('pending_disbursement', 'active', 'overpaid')
    GROUP BY 1, 2, 3, 4
    """
)
# The summary, shards added up; a key whose shards add up to nothing is no group.
KEPT = text(
    """
    SELECT product_id, province_code, arrears_from, tolerance_days, sum(loans), sum(outstanding)
    FROM fund_portfolio_groups WHERE fund_id = :f
    GROUP BY 1, 2, 3, 4 HAVING sum(loans) <> 0 OR sum(outstanding) <> 0
    """
)


async def _groups(session: Any, query: Any, fund_id: uuid.UUID) -> dict[Key, tuple[int, Decimal]]:
    rows = await session.execute(query, {"f": fund_id})
    return {tuple(r[:4]): (int(r[4]), Decimal(r[5])) for r in rows}


async def group_differences(app: Any, fund_id: uuid.UUID) -> list[str]:
    """Each key where the kept summary and the recount disagree (empty: they agree)."""
    async with app.state.sessionmaker() as session:
        kept = await _groups(session, KEPT, fund_id)
        counted = await _groups(session, COUNTED, fund_id)
    return [
        f"{key}: kept {kept.get(key)} != counted {counted.get(key)}"
        for key in sorted(set(kept) | set(counted), key=str)
        if kept.get(key) != counted.get(key)
    ]


async def kept_rows(app: Any, fund_id: uuid.UUID) -> list[tuple[Any, ...]]:
    """The summary's rows as stored (shards apart), in key order."""
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text(
                "SELECT product_id, province_code, arrears_from, tolerance_days, shard, loans, "
                "outstanding FROM fund_portfolio_groups WHERE fund_id = :f ORDER BY 1, 2, 3, 4, 5"
            ),
            {"f": fund_id},
        )
        return [tuple(r) for r in rows]
