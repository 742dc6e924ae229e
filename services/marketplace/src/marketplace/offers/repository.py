"""Queries on supply offers, including the open offers of a commodity matching reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Table,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload

from kopmod_shared.db import DriverQuery
from kopmod_shared.deferred import deferred_inserts
from marketplace.offers.models import OfferCertification, SupplyOffer

OPEN_STATUSES = ("open", "partially_committed")
# A missing grade rank as matching's columns hold it (``matching.engine.NO_RANK``).
NO_RANK = -(2**31)


def _whole(value: Any) -> Any:
    """``int(value)`` of a non-negative NUMERIC: truncated to whole units."""
    return cast(func.trunc(value), BigInteger)


# Constants written into the driver statements (a literal would be a bind parameter).
_ZERO: Any = literal_column("0")
_ONE: Any = literal_column("1")


def _ordinal(column: Any) -> Any:
    """``date.toordinal()`` of a DATE column, computed by Postgres."""
    return cast(column - literal_column("DATE '0001-01-01'") + _ONE, BigInteger)


# The open offers of a commodity as matching's columns take them (``matching.engine.
# OfferColumns``; ``matching.service.offer_input`` computes the same from an ORM object): whole
# units, cents, ids as text, dates as ordinals, a missing grade rank as ``NO_RANK``; run on the
# driver (tens of thousands of rows: no SQLAlchemy row each).
# The statuses are written into the statement (constants), so the partial index applies.
_OPEN_WHERE = (
    SupplyOffer.commodity_code == bindparam("commodity_code"),
    SupplyOffer.status.in_([literal_column(f"'{s}'") for s in OPEN_STATUSES]),
    SupplyOffer.window_end >= bindparam("today"),
    SupplyOffer.remaining_quantity > _ZERO,
)
OPEN_COLUMNS = DriverQuery(
    select(
        SupplyOffer.id,
        SupplyOffer.cooperative_id,
        cast(SupplyOffer.id, Text).label("id_text"),
        cast(SupplyOffer.cooperative_id, Text).label("cooperative_text"),
        _whole(SupplyOffer.remaining_quantity).label("remaining_units"),
        cast(func.coalesce(func.ceil(SupplyOffer.min_order), _ZERO), BigInteger).label(
            "min_order_units"
        ),
        cast(
            func.greatest(func.coalesce(func.trunc(SupplyOffer.order_multiple), _ONE), _ONE),
            BigInteger,
        ).label("multiple_units"),
        SupplyOffer.latitude,
        SupplyOffer.longitude,
        _ordinal(SupplyOffer.window_start).label("window_start_ordinal"),
        _ordinal(SupplyOffer.window_end).label("window_end_ordinal"),
        cast(func.coalesce(SupplyOffer.grade_rank, literal_column(str(NO_RANK))), BigInteger).label(
            "rank"
        ),
        _whole(SupplyOffer.asking_price * literal_column("100")).label("asking_cents"),
        cast(SupplyOffer.period, Text).label("period_text"),
        _whole(SupplyOffer.quantity).label("quantity_units"),
    )
    .where(*_OPEN_WHERE)
    .order_by(SupplyOffer.id)
)
OPEN_CERTIFICATIONS = DriverQuery(
    select(
        OfferCertification.offer_id,
        cast(OfferCertification.scheme, Text).label("scheme_text"),
        _ordinal(OfferCertification.valid_from).label("valid_from_ordinal"),
        _ordinal(OfferCertification.valid_to).label("valid_to_ordinal"),
    )
    .join(SupplyOffer, SupplyOffer.id == OfferCertification.offer_id)
    .where(*_OPEN_WHERE)
    .order_by(OfferCertification.offer_id, OfferCertification.scheme)
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

    async def open_columns_for_matching(
        self, commodity_code: str, today: date
    ) -> tuple[list[Any], list[Any]]:
        """Open offers of a commodity as driver records of ``OPEN_COLUMNS`` (by id), and their
        certifications as records of ``OPEN_CERTIFICATIONS`` (by offer id, then scheme), on the
        session's own connection (inside its transaction)."""
        conn = await self.session.connection()
        offers = await OPEN_COLUMNS.fetch_records(conn, commodity_code=commodity_code, today=today)
        certs = await OPEN_CERTIFICATIONS.fetch_records(
            conn, commodity_code=commodity_code, today=today
        )
        return offers, certs

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
