"""Cooperatives: registration, partial update, the two views (full and public), search, the
eligibility snapshot. Rules only; queries live in the repository."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple
from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import (
    Conflict,
    FieldError,
    Forbidden,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.money import PERCENT
from kopmod_shared.outbox import emit
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.registry import (
    CooperativeLevel,
    CooperativeStatus,
    CooperativeSummary,
    EligibilitySnapshot,
    FinancialStatement,
)
from registry import access
from registry.cooperatives import derived
from registry.cooperatives.listing import CooperativeLister, ListedRow
from registry.cooperatives.models import Cooperative, MemberGroup
from registry.cooperatives.repository import (
    CooperativeReader,
    CooperativeRecord,
    CooperativeRepository,
)
from registry.cooperatives.schemas import (
    SELF_SERVICE_FIELDS,
    CooperativeCreate,
    CooperativeFilters,
    CooperativeOut,
    CooperativePublic,
    CooperativeUpdate,
    Derived,
    HealthSummary,
    MemberGroupIn,
    MemberGroupOut,
    RatCompliance,
    SortKey,
)
from registry.models import outbox_events
from registry.regions import PROVINCES, province_of
from registry.restructuring.repository import RestructuringRepository

SOURCE = "registry"
MIN_SECONDARY_MEMBERS = 3

# Status changes a PATCH may make; merged comes only from a restructuring, and merged and
# dissolved cooperatives stay so.
STATUS_TRANSITIONS: dict[CooperativeStatus, frozenset[CooperativeStatus]] = {
    CooperativeStatus.active: frozenset({CooperativeStatus.inactive, CooperativeStatus.dissolved}),
    CooperativeStatus.inactive: frozenset({CooperativeStatus.active, CooperativeStatus.dissolved}),
    CooperativeStatus.dissolved: frozenset(),
    CooperativeStatus.merged: frozenset(),
}


def cross_field_errors(values: Mapping[str, Any], prefix: str = "body.") -> list[FieldError]:
    """Rules that tie fields together (the single-field ones are in the schemas)."""
    errors = []
    if (values.get("latitude") is None) != (values.get("longitude") is None):
        field = "longitude" if values.get("longitude") is None else "latitude"
        errors.append(
            FieldError(
                field=f"{prefix}{field}",
                message="latitude and longitude come together or not at all",
                code="coordinates_pair",
            )
        )
    number, day = values.get("legal_decree_number"), values.get("legal_decree_date")
    if (number is None) != (day is None):
        field = "legal_decree_date" if day is None else "legal_decree_number"
        errors.append(
            FieldError(
                field=f"{prefix}{field}",
                message="the legal-entity decree needs both its number and its date",
                code="legal_decree_pair",
            )
        )
    founded = values.get("founded_on")
    if day is not None and founded is not None and day < founded:
        errors.append(
            FieldError(
                field=f"{prefix}legal_decree_date",
                message="the legal-entity decree cannot precede the founding",
                code="decree_before_founding",
            )
        )
    return errors


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationProblem(
            "invalid fields: " + ", ".join(e.field for e in errors), errors=errors
        )


async def _check_identifiers(
    repo: CooperativeRepository,
    *,
    nib: str | None,
    nik_koperasi: str | None,
    external_id: str | None,
    exclude: UUID | None = None,
) -> None:
    taken = await repo.taken_identifiers(
        nib=nib, nik_koperasi=nik_koperasi, external_id=external_id, exclude=exclude
    )
    if taken:
        raise Conflict(
            "another cooperative already has this " + ", ".join(taken),
            errors=[
                FieldError(field=f"body.{f}", message="already registered", code="duplicate")
                for f in taken
            ],
        )


async def _check_members(
    repo: CooperativeRepository,
    level: CooperativeLevel,
    members: Sequence[UUID],
    self_id: UUID | None,
) -> None:
    field = "body.member_cooperative_ids"
    if level is CooperativeLevel.primary:
        if members:
            raise ValidationProblem.for_field(
                field, "only a secondary cooperative has member cooperatives", "primary_has_members"
            )
        return
    if len(set(members)) != len(members):
        raise ValidationProblem.for_field(
            field, "a member cooperative is listed twice", "duplicate"
        )
    if self_id is not None and self_id in members:
        raise ValidationProblem.for_field(field, "a cooperative cannot be its own member", "self")
    if len(members) < MIN_SECONDARY_MEMBERS:
        raise ValidationProblem.for_field(
            field,
            f"a secondary cooperative has at least {MIN_SECONDARY_MEMBERS} member cooperatives",
            "too_few_members",
        )
    found = {c.id for c in await repo.get_many(members)}
    missing = [str(m) for m in members if m not in found]
    if missing:
        raise ValidationProblem.for_field(
            field, f"no cooperative with id {', '.join(missing)}", "unknown_cooperative"
        )


def _groups(cooperative_id: UUID, groups: Sequence[MemberGroupIn]) -> list[MemberGroup]:
    return [
        MemberGroup(
            cooperative_id=cooperative_id,
            position=i,
            kind=g.kind,
            name=g.name,
            member_count=g.member_count,
            voting_share=g.voting_share,
            description=g.description,
        )
        for i, g in enumerate(groups)
    ]


def summary(c: Cooperative) -> CooperativeSummary:
    return CooperativeSummary(
        id=c.id,
        name=c.name,
        type=c.type,
        status=c.status,
        region_code=c.region_code,
        latitude=c.latitude,
        longitude=c.longitude,
        level=c.level,
    )


async def create_cooperative(
    repo: CooperativeRepository, data: CooperativeCreate, *, actor: str
) -> Cooperative:
    _raise_if(cross_field_errors(data.model_dump()))
    await _check_identifiers(
        repo, nib=data.nib, nik_koperasi=data.nik_koperasi, external_id=data.external_id
    )
    await _check_members(repo, data.level, data.member_cooperative_ids, None)
    values = data.model_dump(exclude={"member_cooperative_ids", "member_groups"})
    cooperative = await repo.add(Cooperative(**values, created_by=actor))
    if data.member_cooperative_ids:
        await repo.replace_member_cooperatives(cooperative.id, data.member_cooperative_ids)
    if data.member_groups:
        await repo.replace_member_groups(
            cooperative.id, _groups(cooperative.id, data.member_groups)
        )
    await emit(
        repo.session,
        outbox_events,
        source=SOURCE,
        type=EventType.COOPERATIVE_REGISTERED,
        subject=cooperative.id,
        data=summary(cooperative),
        parties=[cooperative.id],
    )
    return cooperative


async def get_visible(
    repo: CooperativeRepository,
    principal: Principal,
    cooperative_id: UUID,
    *,
    for_update: bool = False,
) -> Cooperative:
    access.ensure_visible(principal, cooperative_id)
    cooperative = await repo.get(cooperative_id, for_update=for_update)
    if cooperative is None:
        raise NotFound("no cooperative with this id")
    return cooperative


async def update_cooperative(
    repo: CooperativeRepository, principal: Principal, cooperative_id: UUID, data: CooperativeUpdate
) -> Cooperative:
    access.require_write(principal, cooperative_id, self_service=True)
    changes = data.model_dump(include=data.model_fields_set)
    if not access.is_writer(principal):
        refused = sorted(set(changes) - SELF_SERVICE_FIELDS)
        if refused:
            raise Forbidden(
                "a cooperative may not change its legal identity or supervisory fields",
                errors=[
                    FieldError(
                        field=f"body.{f}",
                        message="changed only by the ministry",
                        code="read_only_for_cooperative",
                    )
                    for f in refused
                ],
            )
    cooperative = await get_visible(repo, principal, cooperative_id, for_update=True)
    current = {
        name: getattr(cooperative, name)
        for name in CooperativeUpdate.model_fields
        if name != "member_cooperative_ids"
    }
    merged = {**current, **changes}
    _raise_if(cross_field_errors(merged))
    if "founded_on" in changes:
        earliest = await repo.earliest_history(cooperative.id)
        if earliest is not None and changes["founded_on"] > earliest:
            raise ValidationProblem.for_field(
                "body.founded_on",
                f"a RAT or assessment is dated {earliest}, before this founding date",
                "history_before_founding",
            )
    new_status = changes.get("status")
    if new_status is not None and new_status != cooperative.status:
        allowed = STATUS_TRANSITIONS[cooperative.status]
        if new_status not in allowed:
            raise InvalidTransition(
                cooperative.status.value, f"become {new_status.value}", [s.value for s in allowed]
            )
    await _check_identifiers(
        repo,
        nib=changes.get("nib"),
        nik_koperasi=changes.get("nik_koperasi"),
        external_id=changes.get("external_id"),
        exclude=cooperative.id,
    )
    if "level" in changes or "member_cooperative_ids" in changes:
        members = changes.get("member_cooperative_ids")
        if members is None:
            members = await repo.member_cooperative_ids(cooperative.id)
        level = changes.get("level") or cooperative.level
        await _check_members(repo, level, members, cooperative.id)
        await repo.replace_member_cooperatives(cooperative.id, list(members))
    for name, value in changes.items():
        if name != "member_cooperative_ids":
            setattr(cooperative, name, value)
    await repo.flush_unique()
    await repo.session.refresh(cooperative)
    await emit(
        repo.session,
        outbox_events,
        source=SOURCE,
        type=EventType.COOPERATIVE_UPDATED,
        subject=cooperative.id,
        data={**summary(cooperative).model_dump(mode="json"), "changed": sorted(changes)},
        parties=[cooperative.id],
    )
    return cooperative


async def set_member_groups(
    repo: CooperativeRepository,
    principal: Principal,
    cooperative_id: UUID,
    groups: Sequence[MemberGroupIn],
) -> list[MemberGroup]:
    # The groups are the cooperative's own organisation, decided by its members: it keeps them
    # itself, under the same set rules (docs/registry.md).
    access.require_write(principal, cooperative_id, self_service=True)
    cooperative = await get_visible(repo, principal, cooperative_id, for_update=True)
    await repo.replace_member_groups(cooperative.id, _groups(cooperative.id, groups))
    return await repo.member_groups(cooperative.id)


async def member_groups(
    repo: CooperativeRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[MemberGroup]:
    access.require_full_read(principal, cooperative_id)
    cooperative = await get_visible(repo, principal, cooperative_id)
    return await repo.member_groups_page(cooperative.id, page)


# Views.


NO_FACTS = derived.Facts(rats=[], health=[], member_groups=[], member_cooperatives=[])


def _derived(c: CooperativeRecord, facts: derived.Facts, as_of: date) -> Derived:
    rats = facts.rats
    latest = derived.latest_health(facts.health)
    return Derived(
        active=derived.is_active(c.status, rats, as_of),
        age_years=derived.age_years(c.founded_on, as_of),
        latest_health=(
            HealthSummary(year=latest.year, category=latest.category, score=latest.score)
            if latest
            else None
        ),
        rat=RatCompliance(
            years_held=sorted((r.year for r in rats), reverse=True),
            last_held_on=max((r.held_on for r in rats), default=None),
            missed_years=derived.missed_years(c.founded_on, rats, as_of),
            warning=derived.rat_warning(c.founded_on, rats, as_of),
        ),
    )


class _ListDay(NamedTuple):
    """What the derived rules need of the day, computed once for a page of the list."""

    as_of: date
    active_since: date
    last_due: int


def _list_day(as_of: date) -> _ListDay:
    return _ListDay(
        as_of, derived.years_ago(as_of, derived.ACTIVE_WINDOW_YEARS), derived.last_due_year(as_of)
    )


@lru_cache(maxsize=4096)
def _rat_json(founded_year: int, held: tuple[int, ...], last_due: int) -> tuple[str, str]:
    """The RAT compliance's JSON before and after its last date: the same for every
    cooperative founded in the same year with the same years held, so written once for them
    (the missed years, one per year since founding, were most of the derived part's CPU)."""
    years = ",".join(map(str, sorted(held, reverse=True)))
    missed = ",".join(map(str, derived.years_missed(founded_year, held, last_due)))
    warning = _bool(derived.warned(founded_year, held, last_due))
    return (
        f'"rat":{{"years_held":[{years}],"last_held_on":',
        f',"missed_years":[{missed}],"warning":{warning}}}',
    )


@lru_cache(maxsize=1024)
def _percent(score: Decimal) -> str:
    return PERCENT.format(score)


def _derived_json(c: ListedRow, day: _ListDay) -> str:
    """``_derived`` written as JSON directly (the same rules and fields, in the same order; a
    page of 100 built as models first cost several ms, and ``json.dumps`` of a dict per item
    was still a tenth of the list's CPU). ``test_list_json`` holds the two equal. Every value
    is a number, a boolean, a date, null or an enum's plain ASCII value: nothing to escape."""
    dates = c.rat_dates or ()
    latest = derived.latest_health(c.health) if c.health_years else None
    health = (
        f'{{"year":{latest.year},"category":"{latest.category.value}",'
        f'"score":"{_percent(latest.score)}"}}'
        if latest
        else "null"
    )
    before, after = _rat_json(c.founded_on.year, tuple(c.rat_years or ()), day.last_due)
    last = f'"{max(dates).isoformat()}"' if dates else "null"
    active = derived.active_since(c.status, dates, day.active_since, day.as_of)
    return (
        f'{{"active":{_bool(active)},"age_years":{derived.age_years(c.founded_on, day.as_of)},'
        f'"latest_health":{health},{before}{last}{after}}}'
    )


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _public(c: CooperativeRecord, d: Derived) -> CooperativePublic:
    province = province_of(c.region_code)
    return CooperativePublic(
        id=c.id,
        name=c.name,
        type=c.type,
        level=c.level,
        status=c.status,
        region_code=c.region_code,
        province_code=province,
        province_name=PROVINCES[province],
        address=c.address,
        latitude=c.latitude,
        longitude=c.longitude,
        founded_on=c.founded_on,
        business_sectors=list(c.business_sectors),
        commodities=list(c.commodities),
        cohort_year=c.cohort_year,
        phase=c.phase,
        active=d.active,
        age_years=d.age_years,
    )


def _full(c: CooperativeRecord, facts: derived.Facts, as_of: date) -> CooperativeOut:
    groups, members = facts.member_groups, facts.member_cooperatives
    province = province_of(c.region_code)
    return CooperativeOut(
        id=c.id,
        name=c.name,
        type=c.type,
        level=c.level,
        status=c.status,
        legal_decree_number=c.legal_decree_number,
        legal_decree_date=c.legal_decree_date,
        nib=c.nib,
        nik_koperasi=c.nik_koperasi,
        founded_on=c.founded_on,
        address=c.address,
        region_code=c.region_code,
        province_code=province,
        province_name=PROVINCES[province],
        latitude=c.latitude,
        longitude=c.longitude,
        business_sectors=list(c.business_sectors),
        commodities=list(c.commodities),
        membership_area=c.membership_area,
        scale_band=c.scale_band,
        member_count=c.member_count,
        external_id=c.external_id,
        cohort_year=c.cohort_year,
        phase=c.phase,
        member_cooperative_ids=list(members),
        member_groups=[MemberGroupOut.model_validate(g) for g in groups],
        multi_stakeholder=len(groups) >= 2,
        import_batch_id=c.import_batch_id,
        created_at=c.created_at,
        updated_at=c.updated_at,
        derived=_derived(c, facts, as_of),
    )


async def full_views(
    repo: CooperativeRepository, cooperatives: Sequence[Cooperative], as_of: date
) -> list[CooperativeOut]:
    """Full records of many cooperatives with one query for their facts, whatever their number."""
    facts = await repo.facts_of([c.id for c in cooperatives]) if cooperatives else {}
    return [_full(c, facts.get(c.id, NO_FACTS), as_of) for c in cooperatives]


async def full_view(repo: CooperativeRepository, c: Cooperative, as_of: date) -> CooperativeOut:
    return (await full_views(repo, [c], as_of))[0]


async def read(
    reader: CooperativeReader, principal: Principal, cooperative_id: UUID, as_of: date
) -> CooperativeOut | CooperativePublic:
    """The full record or the public profile, with its facts, in one statement (the read path)."""
    full = access.reads_full(principal, cooperative_id)
    found = await reader.get_with_facts(cooperative_id)
    if found is None:
        raise NotFound("no cooperative with this id")
    c, facts = found
    return _full(c, facts, as_of) if full else _public(c, _derived(c, facts, as_of))


async def list_cooperatives(
    lister: CooperativeLister,
    principal: Principal,
    filters: CooperativeFilters,
    sort: SortKey,
    limit: int,
    after: tuple[Any, UUID] | None,
    as_of: date,
) -> tuple[list[str], ListedRow | None]:
    """One page of views as JSON texts, and the last cooperative of the page (None on the last
    page). Postgres writes each record's own fields (``listing``); the derived part is computed
    here by the same rules as every other view."""
    own = access.own_cooperative(principal)
    if own is not None:
        filters = filters.model_copy(update={"restrict_to": own})
    full = own is not None or access.reads_everything(principal)
    rows = await lister.page_json(filters, sort, limit, after, as_of, full)
    page = rows[:limit]
    last = page[-1] if len(rows) > limit and page else None
    day = _list_day(as_of)
    if full:
        return [f'{row.head},"derived":{_derived_json(row, day)}}}' for row in page], last
    since = day.active_since
    return [
        f'{row.head},"active":'
        f"{_bool(derived.active_since(row.status, row.rat_dates or (), since, as_of))},"
        f'"age_years":{derived.age_years(row.founded_on, as_of)}}}'
        for row in page
    ], last


async def eligibility_snapshot(
    repo: CooperativeRepository, principal: Principal, cooperative_id: UUID, as_of: date
) -> EligibilitySnapshot:
    access.require_full_read(principal, cooperative_id)
    found = await CooperativeReader(await repo.session.connection()).get_with_facts(cooperative_id)
    if found is None:
        raise NotFound("no cooperative with this id")
    c, facts = found
    rats, health = derived.known_at(facts.rats, facts.health, as_of)
    latest = derived.latest_health(health)
    statements = await repo.latest_statements(c.id, as_of)
    financials = None
    if statements is not None and statements.assets is not None:
        financials = FinancialStatement(
            year=statements.year,
            assets=statements.assets,
            liabilities=statements.liabilities or 0,
            equity=statements.equity or 0,
            revenue=statements.revenue or 0,
            net_surplus=statements.net_surplus,
        )
    merged_into: list[UUID] = []
    if c.status is CooperativeStatus.merged:
        merged_into = await RestructuringRepository(repo.session).successors_of(c.id)
    return EligibilitySnapshot(
        cooperative_id=c.id,
        name=c.name,
        type=c.type,
        status=c.status,
        region_code=c.region_code,
        province_code=province_of(c.region_code),
        has_legal_entity=c.legal_decree_number is not None and c.legal_decree_date is not None,
        nik_koperasi=c.nik_koperasi,
        founded_on=c.founded_on,
        age_years=derived.age_years(c.founded_on, as_of),
        active=derived.is_active(c.status, rats, as_of),
        rat_years=sorted((r.year for r in rats), reverse=True),
        missed_rat_years=derived.missed_years(c.founded_on, rats, as_of),
        latest_health=latest.category if latest else None,
        latest_health_year=latest.year if latest else None,
        latest_financials=financials,
        as_of=as_of,
        level=c.level,
        nib=c.nib,
        legal_decree_number=c.legal_decree_number,
        legal_decree_date=c.legal_decree_date,
        last_rat_held_on=max((r.held_on for r in rats), default=None),
        rat_warning=derived.rat_warning(c.founded_on, rats, as_of),
        latest_health_score=latest.score if latest else None,
        member_count=c.member_count,
        cohort_year=c.cohort_year,
        phase=c.phase,
        merged_into=merged_into,
    )
