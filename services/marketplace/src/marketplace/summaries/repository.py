"""Every query of the market summaries (aggregates over contracts, grouped per cooperative)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from marketplace.contracts.models import Contract, Delivery
from marketplace.contracts.repository import SIGNED
from marketplace.demands.models import Demand
from marketplace.models import webhook_tables
from marketplace.offers.models import SupplyOffer


@dataclass(frozen=True)
class SignedTotals:
    signed: int
    domestic: int
    export: int
    active: int
    offtakers: int
    active_offtakers: int
    value: Decimal
    active_value: Decimal
    accepted_value: Decimal
    commodities: list[str]


class SummaryRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def status_counts(self, cooperative_ids: Sequence[UUID]) -> dict[UUID, dict[str, int]]:
        out: dict[UUID, dict[str, int]] = {}
        if not cooperative_ids:
            return out
        rows = await self.session.execute(
            select(Contract.cooperative_id, Contract.status, func.count())
            .where(Contract.cooperative_id.in_(list(cooperative_ids)))
            .group_by(Contract.cooperative_id, Contract.status)
        )
        for cooperative_id, status, count in rows:
            out.setdefault(cooperative_id, {})[status] = int(count)
        return out

    async def signed_totals(self, cooperative_ids: Sequence[UUID]) -> dict[UUID, SignedTotals]:
        if not cooperative_ids:
            return {}
        active = Contract.status == "active"
        stmt = (
            select(
                Contract.cooperative_id,
                func.count(),
                func.count().filter(Demand.market == "domestic"),
                func.count().filter(Demand.market == "export"),
                func.count().filter(active),
                func.count(func.distinct(Contract.offtaker_id)),
                func.count(func.distinct(Contract.offtaker_id)).filter(active),
                func.coalesce(func.sum(Contract.value), 0),
                func.coalesce(func.sum(Contract.value).filter(active), 0),
                func.coalesce(func.sum(Contract.accepted_quantity * Contract.unit_price), 0),
                func.array_agg(func.distinct(Contract.commodity_code)),
            )
            .join(Demand, Demand.id == Contract.demand_id)
            .where(
                Contract.cooperative_id.in_(list(cooperative_ids)),
                Contract.status.in_(SIGNED),
            )
            .group_by(Contract.cooperative_id)
        )
        return {
            r[0]: SignedTotals(
                signed=int(r[1]),
                domestic=int(r[2]),
                export=int(r[3]),
                active=int(r[4]),
                offtakers=int(r[5]),
                active_offtakers=int(r[6]),
                value=Decimal(r[7]),
                active_value=Decimal(r[8]),
                accepted_value=Decimal(r[9]),
                commodities=sorted(c for c in r[10] if c),
            )
            for r in await self.session.execute(stmt)
        }

    async def digital_activity(
        self, cooperative_ids: Sequence[UUID], since: datetime
    ) -> dict[UUID, tuple[int, int, int]]:
        """Per cooperative: offers posted and deliveries recorded since ``since``, and enabled
        webhook endpoints it subscribed here (three grouped counts)."""
        if not cooperative_ids:
            return {}
        endpoints = webhook_tables.endpoints
        ids = list(cooperative_ids)
        offers = (
            select(SupplyOffer.cooperative_id.label("cid"), func.count().label("n"))
            .where(SupplyOffer.cooperative_id.in_(ids), SupplyOffer.created_at >= since)
            .group_by(SupplyOffer.cooperative_id)
        )
        deliveries = (
            select(Contract.cooperative_id.label("cid"), func.count().label("n"))
            .join(Delivery, Delivery.contract_id == Contract.id)
            .where(Contract.cooperative_id.in_(ids), Delivery.created_at >= since)
            .group_by(Contract.cooperative_id)
        )
        hooks = (
            select(endpoints.c.owner_org_id.label("cid"), func.count().label("n"))
            .where(
                endpoints.c.owner_org_id.in_(ids),
                endpoints.c.owner_role == "cooperative",
                endpoints.c.enabled.is_(True),
            )
            .group_by(endpoints.c.owner_org_id)
        )
        out: dict[UUID, list[int]] = {}
        for slot, stmt in enumerate((offers, deliveries, hooks)):
            for cid, n in await self.session.execute(stmt):
                out.setdefault(cid, [0, 0, 0])[slot] = int(n)
        return {cid: (v[0], v[1], v[2]) for cid, v in out.items()}

    async def page_cooperatives(self, after: UUID | None, limit: int) -> list[UUID]:
        """Cooperatives with any contract, in id order."""
        stmt = select(Contract.cooperative_id).distinct().order_by(Contract.cooperative_id)
        if after is not None:
            stmt = stmt.where(Contract.cooperative_id > after)
        return list((await self.session.scalars(stmt.limit(limit))).all())
