"""Every query on cooperatives: the record with its derived facts in one statement, search and
filters with cursor pages, identifiers already taken, member groups and member cooperatives."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeAlias
from uuid import UUID

from sqlalchemy import (
    ColumnElement,
    Select,
    any_,
    bindparam,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    tuple_,
)
from sqlalchemy.dialects.postgresql import ARRAY, aggregate_order_by
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.types import NullType

from kopmod_shared.db import DriverQuery
from kopmod_shared.errors import Conflict, FieldError
from kopmod_shared.pagination import PageParams, Slice, fetch_page
from kopmod_shared.schemas.registry import HealthCategory
from registry.assessments.models import HealthAssessment
from registry.cooperatives.derived import (
    ACTIVE_WINDOW_YEARS,
    Facts,
    HealthRecord,
    MemberGroupRecord,
    RatRecord,
    years_ago,
)
from registry.cooperatives.models import Cooperative, MemberGroup, SecondaryMembership
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.enums import MemberGroupKind
from registry.rat.models import AnnualMeeting

UNIQUE_FIELDS = {
    "uq_cooperatives_nib": "nib",
    "uq_cooperatives_nik_koperasi": "nik_koperasi",
    "uq_cooperatives_external_id": "external_id",
}

_SORT_COLUMNS: dict[SortKey, tuple[Any, bool]] = {
    SortKey.created: (Cooperative.id, False),
    SortKey.created_desc: (Cooperative.id, True),
    SortKey.name: (Cooperative.name, False),
    SortKey.name_desc: (Cooperative.name, True),
    SortKey.founded_on: (Cooperative.founded_on, False),
    SortKey.founded_on_desc: (Cooperative.founded_on, True),
}


def _search_words(text: str) -> list[str]:
    """Words of a name search, safe to put in a tsquery (letters and digits only)."""
    return [w for w in re.findall(r"\w+", text.lower()) if w][:8]


def _tsquery(text: str) -> ColumnElement[Any]:
    return func.to_tsquery("simple", " & ".join(f"{w}:*" for w in _search_words(text)))


# A name search with at most this many matches is served from their ids (read through the
# name index); with more, matches are dense enough for a walk in page order.
FEW_NAME_MATCHES = 5000
_UUIDS = ARRAY(PG_UUID(as_uuid=True))


@dataclass(frozen=True)
class NameMatch:
    ids: list[UUID] | None  # None: more than FEW_NAME_MATCHES


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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


def _facts(rats: Any, health: Any, groups: Any, members: Any) -> Facts:
    return Facts(
        rats=[RatRecord(year, held_on) for year, held_on in rats or ()],
        health=[
            HealthRecord(year, HealthCategory(category), score, assessed_on)
            for year, category, score, assessed_on in health or ()
        ],
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

    def _filtered(
        self, f: CooperativeFilters, as_of: date, names: NameMatch | None = None
    ) -> Select[tuple[Cooperative]]:
        stmt = select(Cooperative)
        if f.restrict_to is not None:
            stmt = stmt.where(Cooperative.id == f.restrict_to)
        if f.region:
            stmt = stmt.where(
                or_(
                    Cooperative.region_code == f.region,
                    Cooperative.region_code.like(_escape_like(f.region) + ".%", escape="\\"),
                )
            )
        if f.type:
            stmt = stmt.where(Cooperative.type.in_(f.type))
        if f.status:
            stmt = stmt.where(Cooperative.status.in_(f.status))
        if f.level is not None:
            stmt = stmt.where(Cooperative.level == f.level)
        if f.phase:
            stmt = stmt.where(Cooperative.phase.in_(f.phase))
        if f.cohort is not None:
            stmt = stmt.where(Cooperative.cohort_year == f.cohort)
        if f.commodity:
            stmt = stmt.where(Cooperative.commodities.contains([f.commodity]))
        if names is not None and names.ids is not None:
            stmt = stmt.where(
                Cooperative.id == any_(bindparam("name_ids", names.ids, type_=_UUIDS))
            )
        elif f.q and _search_words(f.q):
            stmt = stmt.where(Cooperative.name_search.bool_op("@@")(_tsquery(f.q)))
        if f.external_id is not None:
            stmt = stmt.where(Cooperative.external_id == f.external_id)
        if f.import_batch is not None:
            stmt = stmt.where(Cooperative.import_batch_id == f.import_batch)
        if f.active is not None:
            since = years_ago(as_of, ACTIVE_WINDOW_YEARS)
            recent_rat = exists().where(
                AnnualMeeting.cooperative_id == Cooperative.id,
                AnnualMeeting.held_on >= since,
                AnnualMeeting.held_on <= as_of,
            )
            active = (Cooperative.status == "active") & recent_rat
            stmt = stmt.where(active if f.active else ~active)
        return stmt

    async def name_match(self, f: CooperativeFilters) -> NameMatch | None:
        """For a name search: the ids of every match when there are few (read through the
        name index), else a marker that there are many (the page then tests the words as
        before: matches are dense enough for a walk in page order to meet them soon).

        The planner cannot tell a rare word from a common one (a prefix search is always
        estimated at 2 % of the table), so a rare word walked the whole table in page order
        looking for matches that were not there. Asking the name index first, with a cap,
        costs a few milliseconds and tells which plan is right.
        """
        if not (f.q and _search_words(f.q)):
            return None
        ids = await self.session.scalar(
            select(
                func.array(
                    select(Cooperative.id)
                    .where(Cooperative.name_search.bool_op("@@")(_tsquery(f.q)))
                    .limit(FEW_NAME_MATCHES + 1)
                    .scalar_subquery()
                )
            )
        )
        ids = list(ids or [])
        return NameMatch(ids if len(ids) <= FEW_NAME_MATCHES else None)

    def page_statement(
        self,
        f: CooperativeFilters,
        sort: SortKey,
        limit: int,
        after: tuple[Any, UUID] | None,
        as_of: date,
        names: NameMatch | None = None,
    ) -> Select[tuple[Cooperative]]:
        """The list query (``tests`` check its plan with ``EXPLAIN`` for every filter)."""
        column, descending = _SORT_COLUMNS[sort]
        stmt = self._filtered(f, as_of, names)
        if column is Cooperative.id:
            if after is not None:
                stmt = stmt.where(
                    Cooperative.id < after[1] if descending else Cooperative.id > after[1]
                )
            order = [Cooperative.id.desc() if descending else Cooperative.id]
        else:
            if after is not None:
                key = tuple_(column, Cooperative.id)
                stmt = stmt.where(key < after if descending else key > after)
            if column is Cooperative.name and names is not None and names.ids is None:
                # A common word in name order: sort its matches (found by the name-search
                # index) rather than walk the name index, which meets them only late when the
                # word sits in names that sort late ("Koperasi Simpan Pinjam ..."): 150-190 ms
                # against 400-570 ms for 26,000 matches of 130,000 at load 13. The same order
                # (``name || ''`` is the name); only the plan changes.
                column = column + literal("")
            order = (
                [column.desc(), Cooperative.id.desc()] if descending else [column, Cooperative.id]
            )
        return stmt.order_by(*order).limit(limit + 1)

    async def page(
        self,
        f: CooperativeFilters,
        sort: SortKey,
        limit: int,
        after: tuple[Any, UUID] | None,
        as_of: date,
    ) -> Sequence[Cooperative]:
        names = await self.name_match(f)
        stmt = self.page_statement(f, sort, limit, after, as_of, names)
        return (await self.session.scalars(stmt)).all()
