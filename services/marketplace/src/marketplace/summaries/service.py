"""A cooperative's market record: contracts by status, domestic and export, offtakers, value,
fulfilment and commodities. Signed contracts (active, completed, terminated) are the market the
cooperative secured; fulfilment is the accepted quantity on milestones due so far over the
quantity due (the same figure as ``GET /v1/cooperatives/{id}/fulfilment``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import NotFound
from kopmod_shared.money import PROPORTION, quantize
from kopmod_shared.pagination import encode_cursor
from kopmod_shared.schemas.marketplace import MarketSummary, MarketSummaryPage
from marketplace.common import can_read_all
from marketplace.contracts.repository import ContractRepository
from marketplace.summaries.repository import SignedTotals, SummaryRepository

ZERO = Decimal(0)
NONE_SIGNED = SignedTotals(0, 0, 0, 0, 0, 0, ZERO, ZERO, ZERO, [])
# Technology adoption looks at what the cooperative did on the platform in this window.
RECENT = timedelta(days=365)


def may_read_all(principal: Principal) -> bool:
    """Admin, services, partners with ``marketplace:read``, and the ministry."""
    return can_read_all(principal) or principal.role is Role.ministry


def may_read(principal: Principal, cooperative_id: UUID) -> bool:
    return may_read_all(principal) or principal.is_org(Role.cooperative, cooperative_id)


def today() -> date:
    return datetime.now(UTC).date()


async def summaries(
    repo: SummaryRepository, cooperative_ids: Sequence[UUID]
) -> list[MarketSummary]:
    """One summary per id asked for, in the order asked (zero counts when nothing is known)."""
    ids = list(dict.fromkeys(cooperative_ids))
    as_of = today()
    counts = await repo.status_counts(ids)
    signed = await repo.signed_totals(ids)
    fulfilment = await ContractRepository(repo.session).fulfilment_totals(ids, as_of)
    digital = await repo.digital_activity(ids, datetime.now(UTC) - RECENT)
    out = []
    for cid in ids:
        by_status = counts.get(cid, {})
        t = signed.get(cid, NONE_SIGNED)
        due, accepted_due = ZERO, ZERO
        if cid in fulfilment:
            _, _, due, accepted_due, _ = fulfilment[cid]
        offers_recent, deliveries_recent, hooks = digital.get(cid, (0, 0, 0))
        out.append(
            MarketSummary(
                cooperative_id=cid,
                as_of=as_of,
                contracts_total=sum(by_status.values()),
                contracts_by_status=dict(sorted(by_status.items())),
                signed_contracts=t.signed,
                domestic_contracts=t.domestic,
                export_contracts=t.export,
                active_contracts=t.active,
                distinct_offtakers=t.offtakers,
                active_offtakers=t.active_offtakers,
                contracted_value=quantize(t.value),
                active_contracted_value=quantize(t.active_value),
                delivered_value=quantize(t.accepted_value),
                fulfilment_rate=(
                    quantize(min(Decimal(1), accepted_due / due), PROPORTION.unit)
                    if due > 0
                    else None
                ),
                commodities=t.commodities,
                offers_recent=offers_recent,
                deliveries_recent=deliveries_recent,
                webhook_endpoints=hooks,
            )
        )
    return out


async def summary_of(
    repo: SummaryRepository, principal: Principal, cooperative_id: UUID
) -> MarketSummary:
    if not may_read(principal, cooperative_id):
        # Another organisation's record does not exist for this caller.
        raise NotFound(f"no market record for cooperative {cooperative_id}")
    return (await summaries(repo, [cooperative_id]))[0]


async def page_of_all(
    repo: SummaryRepository, *, after: UUID | None, limit: int
) -> MarketSummaryPage:
    """Every cooperative with any contract, in id order."""
    ids = await repo.page_cooperatives(after, limit + 1)
    page = ids[:limit]
    next_cursor = encode_cursor([page[-1]]) if len(ids) > limit and page else None
    return MarketSummaryPage(items=await summaries(repo, page), next_cursor=next_cursor)
