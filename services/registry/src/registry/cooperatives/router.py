"""Cooperatives over HTTP: registration, list and search, one record (full or public), partial
change, member groups and the eligibility snapshot financing reads."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from uuid import UUID

from fastapi import Depends, Query, Response
from pydantic_core import PydanticCustomError

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import ReadConnectionDep, SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    Conflict,
    InvalidTransition,
    NotFound,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import (
    MAX_LIMIT,
    Page,
    PageDep,
    PageParams,
    encode_cursor,
    page_params,
)
from kopmod_shared.schemas.registry import (
    CooperativeLevel,
    CooperativeStatus,
    CooperativeType,
    EligibilitySnapshot,
    ModernisationPhase,
)
from registry.access import SCOPE_WRITE
from registry.audit.service import audited
from registry.cooperatives import service
from registry.cooperatives.listing import CooperativeLister
from registry.cooperatives.repository import CooperativeReader, CooperativeRepository
from registry.cooperatives.schemas import (
    CooperativeCreate,
    CooperativeFilters,
    CooperativeOut,
    CooperativeUpdate,
    CooperativeView,
    MemberGroupOut,
    MemberGroupsIn,
    SortKey,
)
from registry.regions import RegionCodeError, parse_region_code
from registry.validation import check_hs_code

router = KopmodRouter(tags=["cooperatives"])

CreatorDep = Annotated[
    Principal, Depends(require_roles(Role.ministry, Role.partner, Role.admin, scopes=[SCOPE_WRITE]))
]


async def _repo(session: SessionDep) -> CooperativeRepository:
    return CooperativeRepository(session)


RepoDep = Annotated[CooperativeRepository, Depends(_repo)]


def today() -> date:
    return date.today()


@router.post(
    "/v1/cooperatives",
    dependencies=[Depends(audited("cooperative.register"))],
    response_model=CooperativeOut,
    status_code=201,
    summary="Register a cooperative",
    description=(
        "Ministry, admin, or a partner with scope `registry:write`. Validates NIB (13 digits), "
        "NIK koperasi (digits), the Kemendagri region code (format and a known province), "
        "coordinates within Indonesia, member groups (at least 2, voting shares adding up to 100) "
        "and, for a secondary cooperative, at least 3 member cooperatives. A NIB, NIK koperasi "
        "or external id already registered is a 409 naming the field."
    ),
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def create_cooperative(
    data: CooperativeCreate, principal: CreatorDep, repo: RepoDep, response: Response
) -> CooperativeOut:
    cooperative = await service.create_cooperative(repo, data, actor=principal.client_id)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative.id}"
    return await service.full_view(repo, cooperative, today())


async def _filters(
    region: Annotated[
        str | None,
        Query(
            max_length=13,
            description="Region prefix: a province (`32`), regency (`32.73`) or district code.",
        ),
    ] = None,
    type: Annotated[list[CooperativeType] | None, Query(description="Repeatable.")] = None,
    status: Annotated[list[CooperativeStatus] | None, Query(description="Repeatable.")] = None,
    level: CooperativeLevel | None = None,
    phase: Annotated[list[ModernisationPhase] | None, Query(description="Repeatable.")] = None,
    cohort: Annotated[int | None, Query(ge=2000, le=2100, description="Cohort year.")] = None,
    commodity: Annotated[str | None, Query(max_length=10, description="HS code held.")] = None,
    q: Annotated[
        str | None, Query(min_length=2, max_length=100, description="Text in the name.")
    ] = None,
    external_id: Annotated[str | None, Query(max_length=100)] = None,
    import_batch: Annotated[UUID | None, Query(description="Created by this bulk import.")] = None,
    active: Annotated[
        bool | None, Query(description="Derived: status active and a RAT in the last 3 years.")
    ] = None,
) -> CooperativeFilters:
    if region is not None:
        try:
            region = parse_region_code(region, min_level=1)
        except RegionCodeError as exc:
            raise ValidationProblem.for_field("query.region", exc.message, exc.code) from exc
    if commodity is not None:
        try:
            check_hs_code(commodity)
        except PydanticCustomError as exc:
            raise ValidationProblem.for_field(
                "query.commodity", exc.message(), "hs_code_format"
            ) from exc
    return CooperativeFilters(
        region=region,
        type=type or [],
        status=status or [],
        level=level,
        phase=phase or [],
        cohort=cohort,
        commodity=commodity,
        q=q,
        external_id=external_id,
        import_batch=import_batch,
        active=active,
    )


def _after(cursor: list[Any] | None, sort: SortKey) -> tuple[Any, UUID] | None:
    if not cursor:
        return None
    try:
        sort_name, value, last_id = cursor
        if sort_name != sort.value:
            raise ValueError("sort changed")
        if sort in (SortKey.founded_on, SortKey.founded_on_desc):
            value = date.fromisoformat(value)
        return value, UUID(last_id)
    except (ValueError, TypeError):
        raise ValidationProblem.for_field(
            "query.cursor", "cursor is not valid for this sort", "cursor"
        )


def _sort_value(sort: SortKey, c: Any) -> Any:
    if sort in (SortKey.name, SortKey.name_desc):
        return c.name
    if sort in (SortKey.founded_on, SortKey.founded_on_desc):
        return c.founded_on
    return None


@router.get(
    "/v1/cooperatives",
    response_model=Page[CooperativeView],
    summary="List and search cooperatives",
    description=(
        "Filters combine with AND; repeatable ones (`type`, `status`, `phase`) with OR inside. "
        f"Sorted by `sort` (default `created`), cursor-paginated (`limit` at most {MAX_LIMIT}). "
        "Items are full records (`view: full`) for the ministry, partners with `registry:read` "
        "and services, public profiles (`view: public`) for everyone else; a cooperative "
        "principal sees only its own cooperative."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_cooperatives(
    principal: PrincipalDep,
    conn: ReadConnectionDep,
    filters: Annotated[CooperativeFilters, Depends(_filters)],
    page: Annotated[PageParams, Depends(page_params)],
    sort: SortKey = SortKey.created,
) -> Response:
    items, last = await service.list_cooperatives(
        CooperativeLister(conn),
        principal,
        filters,
        sort,
        page.limit,
        _after(page.cursor, sort),
        today(),
    )
    cursor = encode_cursor([sort.value, _sort_value(sort, last), last.id]) if last else None
    # The items are JSON already (the service's views, written by Postgres): sent as they are,
    # not parsed into models and serialised again. The response model documents the shape.
    # A cursor is URL-safe base64: nothing in it to escape.
    next_cursor = f'"{cursor}"' if cursor else "null"
    body = f'{{"items":[{",".join(items)}],"next_cursor":{next_cursor}}}'
    return Response(body.encode(), media_type="application/json")


@router.get(
    "/v1/cooperatives/{cooperative_id}",
    response_model=CooperativeView,
    summary="Read a cooperative",
    description=(
        "The full record with its derived facts (active, age, latest health, RAT compliance) "
        "for those who may read it, otherwise the public profile. A cooperative principal asking "
        "for another cooperative gets 404."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_cooperative(
    cooperative_id: UUID, principal: PrincipalDep, conn: ReadConnectionDep
) -> Any:
    return await service.read(CooperativeReader(conn), principal, cooperative_id, today())


@router.patch(
    "/v1/cooperatives/{cooperative_id}",
    dependencies=[Depends(audited("cooperative.change"))],
    response_model=CooperativeOut,
    summary="Change a cooperative (partial)",
    description=(
        "Only the fields sent change. Writers change any field but `status: merged` (set by a "
        "restructuring); a merged or dissolved cooperative keeps its status (409). A cooperative "
        "principal may change only its own address, coordinates, business sectors, commodities "
        "and member count: its legal identity is refused with 403 naming the fields."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, InvalidTransition, ValidationProblem),
)
async def update_cooperative(
    cooperative_id: UUID, data: CooperativeUpdate, principal: PrincipalDep, repo: RepoDep
) -> CooperativeOut:
    cooperative = await service.update_cooperative(repo, principal, cooperative_id, data)
    return await service.full_view(repo, cooperative, today())


@router.get(
    "/v1/cooperatives/{cooperative_id}/member-groups",
    response_model=Page[MemberGroupOut],
    summary="Member groups of a multi-stakeholder cooperative, in their order",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_member_groups(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[MemberGroupOut]:
    groups, cursor = await service.member_groups(repo, principal, cooperative_id, page)
    items = [MemberGroupOut.model_validate(g) for g in groups]
    return Page[MemberGroupOut](items=items, next_cursor=cursor)


@router.put(
    "/v1/cooperatives/{cooperative_id}/member-groups",
    dependencies=[Depends(audited("cooperative.member_groups"))],
    response_model=list[MemberGroupOut],
    summary="Replace the member groups (koperasi multipihak)",
    description=(
        "The whole set at once, because its rules are about the set: at least 2 groups, voting "
        "shares adding up to 100 (Permenkop 8/2021). Writers, or the cooperative itself (its "
        "members decide its groups)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def replace_member_groups(
    cooperative_id: UUID, data: MemberGroupsIn, principal: PrincipalDep, repo: RepoDep
) -> list[MemberGroupOut]:
    groups = await service.set_member_groups(repo, principal, cooperative_id, data.groups)
    return [MemberGroupOut.model_validate(g) for g in groups]


@router.get(
    "/v1/cooperatives/{cooperative_id}/eligibility-snapshot",
    response_model=EligibilitySnapshot,
    summary="Everything financing needs about a cooperative, in one call",
    description=(
        "Legal status, derived activity (RAT in the last 3 years), age, RAT years held and "
        "missed, latest health, latest approved financial statements and status, as of today "
        "or of `as_of`. Readable by the ministry, services, partners with `registry:read` and "
        "the cooperative itself."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def eligibility_snapshot(
    cooperative_id: UUID,
    principal: PrincipalDep,
    repo: RepoDep,
    as_of: Annotated[
        BoundedDate | None,
        Query(
            description="Business date to judge at (default today): RATs held and assessments "
            "made after it are left out."
        ),
    ] = None,
) -> EligibilitySnapshot:
    if as_of is not None and as_of > today():
        raise ValidationProblem.for_field("query.as_of", "as_of is in the future", "date_in_future")
    return await service.eligibility_snapshot(repo, principal, cooperative_id, as_of or today())
