"""Queries on supply offers, including the open offers of a commodity matching reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import BigInteger, Table, Text, cast, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

from kopmod_shared.deferred import deferred_inserts
from marketplace.offers.models import OfferCertification, SupplyOffer

OPEN_STATUSES = ("open", "partially_committed")


def _whole(value: Any) -> Any:
    """``int(value)`` of a non-negative NUMERIC: truncated to whole units."""
    return cast(func.trunc(value), BigInteger)


# What matching reads of an offer, as the engine takes it (``matching.service.offer_input``
# computes the same from an ORM object).
INPUT_COLUMNS = (
    SupplyOffer.id,
    SupplyOffer.cooperative_id,
    cast(SupplyOffer.id, Text).label("id_text"),
    cast(SupplyOffer.cooperative_id, Text).label("cooperative_text"),
    _whole(SupplyOffer.remaining_quantity).label("remaining_units"),
    cast(func.coalesce(func.ceil(SupplyOffer.min_order), 0), BigInteger).label("min_order_units"),
    cast(
        func.greatest(func.coalesce(func.trunc(SupplyOffer.order_multiple), 1), 1), BigInteger
    ).label("multiple_units"),
    SupplyOffer.latitude,
    SupplyOffer.longitude,
    SupplyOffer.window_start,
    SupplyOffer.window_end,
    SupplyOffer.grade_rank,
    _whole(SupplyOffer.asking_price * 100).label("asking_cents"),
    SupplyOffer.period,
    _whole(SupplyOffer.quantity).label("quantity_units"),
)


class OfferRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, offer: SupplyOffer) -> SupplyOffer:
        """Store a new offer and its certifications, every column given (id, timestamps and
        quantities at the stored scale), so nothing is read back: as Core inserts, queued with
        the transaction's other write-only rows when it defers them
        (``kopmod_shared.deferred``: one statement at the commit), else sent at once. The offer
        stays out of the session (a plain object the answer is built from)."""
        rows: list[tuple[Table, dict[str, Any]]] = [(SupplyOffer.__table__, _values(offer))]
        rows += [(OfferCertification.__table__, _values(c)) for c in offer.certifications]
        queue = deferred_inserts(self.session)
        if queue is not None:
            queue.extend(rows)
        else:
            for table, row in rows:
                await self.session.execute(insert(table).values(row))
        return offer

    async def get(
        self, id: UUID, *, for_update: bool = False, certifications: bool = True
    ) -> SupplyOffer | None:
        """The offer; ``certifications=False`` for a command that never reads them (one
        statement fewer; touching them then raises rather than answering an empty list)."""
        stmt = select(SupplyOffer).where(SupplyOffer.id == id)
        if not certifications:
            stmt = stmt.options(raiseload(SupplyOffer.certifications))
        if for_update:
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return await self.session.scalar(stmt)

    async def page(
        self, limit: int, after: UUID | None, *, cooperative_id: UUID | None = None
    ) -> Sequence[SupplyOffer]:
        stmt = select(SupplyOffer).order_by(SupplyOffer.id).limit(limit + 1)
        if after is not None:
            stmt = stmt.where(SupplyOffer.id > after)
        if cooperative_id is not None:
            stmt = stmt.where(SupplyOffer.cooperative_id == cooperative_id)
        return (await self.session.scalars(stmt)).all()

    async def open_in_box(
        self,
        commodity_code: str,
        box: tuple[float, ...],
        today: date,
    ) -> Sequence[SupplyOffer]:
        """Open offers of a commodity inside a bounding box.

        Served by the partial index ``ix_supply_offers_open_position``.
        """
        min_lat, max_lat, min_lon, max_lon = box
        stmt = select(SupplyOffer).where(
            SupplyOffer.commodity_code == commodity_code,
            SupplyOffer.status.in_(OPEN_STATUSES),
            SupplyOffer.latitude.between(min_lat, max_lat),
            SupplyOffer.longitude.between(min_lon, max_lon),
            SupplyOffer.window_end >= today,
            SupplyOffer.remaining_quantity > 0,
        )
        return (await self.session.scalars(stmt)).all()

    async def open_for_commodity(self, commodity_code: str, today: date) -> Sequence[SupplyOffer]:
        stmt = select(SupplyOffer).where(*_open(commodity_code, today)).order_by(SupplyOffer.id)
        return (await self.session.scalars(stmt)).all()

    async def open_inputs_for_matching(
        self, commodity_code: str, today: date
    ) -> tuple[Sequence[Any], dict[UUID, list[Any]]]:
        """Open offers of a commodity as plain rows of ``INPUT_COLUMNS``: the values the engine
        reads (``matching.engine.OfferInput``), converted by Postgres (whole units, cents, ids as
        text) so a national run builds its tens of thousands of inputs without a Decimal or
        UUID conversion each; and their certifications by offer (scheme,
        valid_from, valid_to; in scheme order, as the relationship loads them).
        """
        where = _open(commodity_code, today)
        rows = (
            await self.session.execute(
                select(*INPUT_COLUMNS).where(*where).order_by(SupplyOffer.id)
            )
        ).all()
        certs: dict[UUID, list[Any]] = {}
        stmt = (
            select(
                OfferCertification.offer_id,
                OfferCertification.scheme,
                OfferCertification.valid_from,
                OfferCertification.valid_to,
            )
            .join(SupplyOffer, SupplyOffer.id == OfferCertification.offer_id)
            .where(*where)
            .order_by(OfferCertification.offer_id, OfferCertification.scheme)
        )
        for c in (await self.session.execute(stmt)).all():
            certs.setdefault(c.offer_id, []).append(c)
        return rows, certs

    async def by_ids(self, ids: Iterable[UUID]) -> dict[UUID, SupplyOffer]:
        stmt = select(SupplyOffer).where(SupplyOffer.id.in_(list(ids)))
        return {o.id: o for o in (await self.session.scalars(stmt)).all()}


def _values(obj: SupplyOffer | OfferCertification) -> dict[str, Any]:
    """Every column of a new row, from the object's attributes."""
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def _open(commodity_code: str, today: date) -> tuple[Any, ...]:
    """Open offers of a commodity with something left."""
    return (
        SupplyOffer.commodity_code == commodity_code,
        SupplyOffer.status.in_(OPEN_STATUSES),
        SupplyOffer.window_end >= today,
        SupplyOffer.remaining_quantity > 0,
    )
