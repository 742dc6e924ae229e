"""Every query on cooperatives: the record with its derived facts in one statement, search and
filters with cursor pages, identifiers already taken, member groups and member cooperatives."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, TypeAlias
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    delete,
    exists,
    func,
    select,
)
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.types import NullType

from kopmod_shared.db import DriverQuery
from kopmod_shared.errors import Conflict, FieldError
from kopmod_shared.pagination import PageParams, Slice, fetch_page
from kopmod_shared.schemas.registry import HealthCategory
from registry.assessments.models import HealthAssessment
from registry.cooperatives.derived import (
    Facts,
    HealthRecord,
    MemberGroupRecord,
    RatRecord,
)
from registry.cooperatives.models import Cooperative, MemberGroup, SecondaryMembership
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.cooperatives.search import (
    NameMatch,
    PageShape,
    name_match,
    page_select,
    search_values,
)
from registry.enums import MemberGroupKind
from registry.rat.models import AnnualMeeting

UNIQUE_FIELDS = {
    "uq_cooperatives_nib": "nib",
    "uq_cooperatives_nik_koperasi": "nik_koperasi",
    "uq_cooperatives_external_id": "external_id",
}


def _records(*columns: Any, where: Any, order_by: Any) -> ColumnElement[Any]:
    """A correlated ``array_agg(row(...))``: asyncpg decodes it into typed tuples."""
    return (
        select(func.array_agg(aggregate_order_by(func.row(*columns), *order_by), type_=NullType()))
        .where(where)
        .scalar_subquery()
    )


FACT_LABELS = ("rats", "health", "member_groups", "member_cooperatives")


def _fact_columns(cooperative_id: Any) -> tuple[ColumnElement[Any], ...]:
    """The derived facts of a cooperative (RATs, health, member groups, member cooperatives)
    as four array columns, so a record and its facts come back in one statement."""
    return (
        _records(
            AnnualMeeting.year,
            AnnualMeeting.held_on,
            where=AnnualMeeting.cooperative_id == cooperative_id,
            order_by=(AnnualMeeting.year.desc(),),
        ),
        _records(
            HealthAssessment.year,
            HealthAssessment.category,
            HealthAssessment.score,
            HealthAssessment.assessed_on,
            where=HealthAssessment.cooperative_id == cooperative_id,
            order_by=(HealthAssessment.year,),
        ),
        _records(
            MemberGroup.id,
            MemberGroup.kind,
            MemberGroup.name,
            MemberGroup.member_count,
            MemberGroup.voting_share,
            MemberGroup.description,
            where=MemberGroup.cooperative_id == cooperative_id,
            order_by=(MemberGroup.position,),
        ),
        select(
            func.array_agg(
                aggregate_order_by(SecondaryMembership.member_id, SecondaryMembership.member_id),
                type_=NullType(),
            )
        )
        .where(SecondaryMembership.secondary_id == cooperative_id)
        .scalar_subquery(),
    )


# Built once: building these statements costs more than running them; executing a prebuilt
# statement only looks its compiled form up.
_RECORD_COLUMNS = [c for c in Cooperative.__table__.columns if c.key != "name_search"]
_GET_WITH_FACTS = select(
    *_RECORD_COLUMNS,
    *(
        column.label(name)
        for column, name in zip(_fact_columns(Cooperative.id), FACT_LABELS, strict=True)
    ),
).where(Cooperative.id == bindparam("id"))
_GET_WITH_FACTS_DRIVER = DriverQuery(_GET_WITH_FACTS)
_FACTS_OF = select(Cooperative.id, *_fact_columns(Cooperative.id)).where(
    Cooperative.id.in_(bindparam("ids", expanding=True))
)


def rat_records(rows: Any) -> list[RatRecord]:
    """The RATs of ``_fact_columns`` as records."""
    return [RatRecord._make(r) for r in rows or ()]


def health_records(rows: Any) -> list[HealthRecord]:
    """The health assessments of ``_fact_columns`` as records."""
    return [
        HealthRecord(year, HealthCategory(category), score, assessed_on)
        for year, category, score, assessed_on in rows or ()
    ]


def _facts(rats: Any, health: Any, groups: Any, members: Any) -> Facts:
    return Facts(
        rats=rat_records(rats),
        health=health_records(health),
        member_groups=[
            MemberGroupRecord(id, MemberGroupKind(kind), name, count, share, description)
            for id, kind, name, count, share, description in groups or ()
        ],
        member_cooperatives=list(members or ()),
    )


CooperativeRecord: TypeAlias = Any
"""A cooperative as the ORM object or as a ``DriverQuery`` row of its columns: the views read
their attributes only, which both have."""


class CooperativeReader:
    """A cooperative and its derived facts in one statement, run by ``DriverQuery`` on a
    connection: the read path's plain one (``db.ReadConnectionDep``, no session at all) or the
    request session's (``await session.connection()``)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def get_with_facts(self, id: UUID) -> tuple[CooperativeRecord, Facts] | None:
        row = await _GET_WITH_FACTS_DRIVER.fetchrow(self.conn, id=id)
        if row is None:
            return None
        n = len(_RECORD_COLUMNS)
        return row, _facts(*row[n:])


class CooperativeRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def flush_unique(self) -> None:
        """Flush, turning a unique-identifier race into a 409 naming the field."""
        try:
            await self.session.flush()
        except IntegrityError as exc:
            text = str(exc.orig)
            for constraint, field in UNIQUE_FIELDS.items():
                if constraint in text:
                    raise Conflict(
                        f"another cooperative already has this {field}",
                        errors=[
                            FieldError(
                                field=f"body.{field}",
                                message="already registered",
                                code="duplicate",
                            )
                        ],
                    ) from exc
            raise

    async def add(self, cooperative: Cooperative) -> Cooperative:
        self.session.add(cooperative)
        await self.flush_unique()
        return cooperative

    async def get(self, id: UUID, *, for_update: bool = False) -> Cooperative | None:
        stmt = select(Cooperative).where(Cooperative.id == id)
        if for_update:
            stmt = stmt.with_for_update()
        return await self.session.scalar(stmt)

    async def facts_of(self, ids: Sequence[UUID]) -> dict[UUID, Facts]:
        """The derived facts of many cooperatives in one statement."""
        rows = await self.session.execute(_FACTS_OF, {"ids": list(ids)})
        return {row[0]: _facts(*row[1:]) for row in rows}

    async def get_many(self, ids: Iterable[UUID], *, for_update: bool = False) -> list[Cooperative]:
        stmt = select(Cooperative).where(Cooperative.id.in_(list(ids))).order_by(Cooperative.id)
        if for_update:
            stmt = stmt.with_for_update()
        return list((await self.session.scalars(stmt)).all())

    async def taken_identifiers(
        self,
        *,
        nib: str | None,
        nik_koperasi: str | None,
        external_id: str | None,
        exclude: UUID | None = None,
    ) -> list[str]:
        """Which of these identifiers another cooperative already holds."""
        checks = {"nib": nib, "nik_koperasi": nik_koperasi, "external_id": external_id}
        taken = []
        for field, value in checks.items():
            if value is None:
                continue
            column = getattr(Cooperative, field)
            stmt = select(exists().where(column == value))
            if exclude is not None:
                stmt = select(exists().where(column == value, Cooperative.id != exclude))
            if await self.session.scalar(stmt):
                taken.append(field)
        return taken

    # Member groups and secondary memberships.

    async def member_groups(self, cooperative_id: UUID) -> list[MemberGroup]:
        stmt = (
            select(MemberGroup)
            .where(MemberGroup.cooperative_id == cooperative_id)
            .order_by(MemberGroup.position)
        )
        return list((await self.session.scalars(stmt)).all())

    async def member_groups_page(
        self, cooperative_id: UUID, page: PageParams
    ) -> Slice[MemberGroup]:
        """In their stated order, one page."""
        stmt = select(MemberGroup).where(MemberGroup.cooperative_id == cooperative_id)
        return await fetch_page(self.session, stmt, page, MemberGroup.position, MemberGroup.id)

    async def replace_member_groups(self, cooperative_id: UUID, groups: list[MemberGroup]) -> None:
        await self.session.execute(
            delete(MemberGroup).where(MemberGroup.cooperative_id == cooperative_id)
        )
        self.session.add_all(groups)
        await self.session.flush()

    async def member_cooperative_ids(self, secondary_id: UUID) -> list[UUID]:
        stmt = (
            select(SecondaryMembership.member_id)
            .where(SecondaryMembership.secondary_id == secondary_id)
            .order_by(SecondaryMembership.member_id)
        )
        return list((await self.session.scalars(stmt)).all())

    async def replace_member_cooperatives(self, secondary_id: UUID, members: list[UUID]) -> None:
        await self.session.execute(
            delete(SecondaryMembership).where(SecondaryMembership.secondary_id == secondary_id)
        )
        self.session.add_all(
            SecondaryMembership(secondary_id=secondary_id, member_id=m) for m in members
        )
        await self.session.flush()

    # History the derived fields come from.

    async def rat_records(self, ids: Sequence[UUID]) -> dict[UUID, list[RatRecord]]:
        rows = await self.session.execute(
            select(AnnualMeeting.cooperative_id, AnnualMeeting.year, AnnualMeeting.held_on)
            .where(AnnualMeeting.cooperative_id.in_(ids))
            .order_by(AnnualMeeting.year.desc())
        )
        out: dict[UUID, list[RatRecord]] = defaultdict(list)
        for cid, year, held_on in rows:
            out[cid].append(RatRecord(year, held_on))
        return out

    async def health_records(self, ids: Sequence[UUID]) -> dict[UUID, list[HealthRecord]]:
        rows = await self.session.execute(
            select(
                HealthAssessment.cooperative_id,
                HealthAssessment.year,
                HealthAssessment.category,
                HealthAssessment.score,
                HealthAssessment.assessed_on,
            ).where(HealthAssessment.cooperative_id.in_(ids))
        )
        out: dict[UUID, list[HealthRecord]] = defaultdict(list)
        for cid, year, category, score, assessed_on in rows:
            out[cid].append(HealthRecord(year, category, score, assessed_on))
        return out

    async def latest_statements(self, cooperative_id: UUID, as_of: date) -> AnnualMeeting | None:
        stmt = (
            select(AnnualMeeting)
            .where(
                AnnualMeeting.cooperative_id == cooperative_id,
                AnnualMeeting.assets.is_not(None),
                AnnualMeeting.held_on <= as_of,
            )
            .order_by(AnnualMeeting.year.desc())
            .limit(1)
        )
        return await self.session.scalar(stmt)

    async def earliest_history(self, cooperative_id: UUID) -> date | None:
        """The earliest dated RAT or assessment: the founding date may not move past it."""
        rat = await self.session.scalar(
            select(func.min(AnnualMeeting.held_on)).where(
                AnnualMeeting.cooperative_id == cooperative_id
            )
        )
        health = await self.session.scalar(
            select(func.min(HealthAssessment.assessed_on)).where(
                HealthAssessment.cooperative_id == cooperative_id
            )
        )
        dates = [d for d in (rat, health) if d is not None]
        return min(dates) if dates else None

    # Search.

    async def name_match(self, f: CooperativeFilters) -> NameMatch | None:
        return await name_match(await self.session.connection(), f)

    def page_statement(
        self,
        f: CooperativeFilters,
        sort: SortKey,
        limit: int,
        after: tuple[Any, UUID] | None,
        as_of: date,
        names: NameMatch | None = None,
    ) -> Select[tuple[Cooperative]]:
        """The list query with its values bound (``tests`` check its plan with ``EXPLAIN`` for
        every filter); the list route runs the same statement, built once per shape."""
        values = search_values(f, sort, after, as_of, names)
        return page_select(PageShape.of(values, f, sort, limit)).params(values)
