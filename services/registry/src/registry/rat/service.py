"""RAT (annual members' meetings): one per financial year, held after the year ends and never
before the cooperative was founded."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import Conflict, FieldError, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.registry import RatRecorded
from registry import access
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.service import SOURCE, get_visible
from registry.models import outbox_events
from registry.rat.models import AnnualMeeting
from registry.rat.repository import RatRepository
from registry.rat.schemas import RatIn, RatOut, StatementsOut


async def record_rat(
    repo: RatRepository, principal: Principal, cooperative_id: UUID, data: RatIn
) -> AnnualMeeting:
    # The cooperative reports its own RAT (domain: held within 6 months, reported within 1);
    # ``recorded_by`` and the audit trail say who recorded it (docs/registry.md).
    access.require_write(principal, cooperative_id, self_service=True)
    cooperative = await get_visible(
        CooperativeRepository(repo.session), principal, cooperative_id, for_update=True
    )
    errors = []
    if data.held_on < cooperative.founded_on:
        errors.append(
            FieldError(
                field="body.held_on",
                message=f"the RAT is dated before the founding ({cooperative.founded_on})",
                code="rat_before_founding",
            )
        )
    if data.year < cooperative.founded_on.year:
        errors.append(
            FieldError(
                field="body.year",
                message=f"the cooperative was founded in {cooperative.founded_on.year}",
                code="rat_before_founding",
            )
        )
    if data.held_on.year <= data.year:
        errors.append(
            FieldError(
                field="body.held_on",
                message=f"the RAT for {data.year} is held after that year ends",
                code="rat_before_year_end",
            )
        )
    if data.members_total is not None and data.attendance > data.members_total:
        errors.append(
            FieldError(
                field="body.attendance",
                message="more members present than members in total",
                code="attendance_above_members",
            )
        )
    f = data.financials
    if f is not None and f.assets != f.liabilities + f.equity:
        errors.append(
            FieldError(
                field="body.financials.assets",
                message="assets must equal liabilities plus equity",
                code="balance_sheet",
            )
        )
    if errors:
        raise ValidationProblem(
            "invalid fields: " + ", ".join(e.field for e in errors), errors=errors
        )
    if await repo.year_taken(cooperative.id, data.year):
        raise Conflict(
            f"a RAT for {data.year} is already recorded",
            errors=[FieldError(field="body.year", message="already recorded", code="duplicate")],
        )
    meeting = await repo.add(
        AnnualMeeting(
            cooperative_id=cooperative.id,
            year=data.year,
            held_on=data.held_on,
            attendance=data.attendance,
            members_total=data.members_total,
            net_surplus=data.net_surplus,
            assets=f.assets if f else None,
            liabilities=f.liabilities if f else None,
            equity=f.equity if f else None,
            revenue=f.revenue if f else None,
            note=data.note,
            recorded_by=principal.client_id,
        )
    )
    await emit(
        repo.session,
        outbox_events,
        source=SOURCE,
        type=EventType.COOPERATIVE_RAT_RECORDED,
        subject=cooperative.id,
        data=RatRecorded(
            cooperative_id=cooperative.id,
            rat_id=meeting.id,
            year=meeting.year,
            held_on=meeting.held_on,
            statements_attached=meeting.assets is not None,
        ),
        parties=[cooperative.id],
    )
    return meeting


async def list_rats(
    repo: RatRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[AnnualMeeting]:
    access.require_full_read(principal, cooperative_id)
    await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    return await repo.for_cooperative(cooperative_id, page)


def to_out(m: AnnualMeeting) -> RatOut:
    financials = None
    if m.assets is not None:
        financials = StatementsOut(
            assets=m.assets,
            liabilities=m.liabilities or 0,
            equity=m.equity or 0,
            revenue=m.revenue or 0,
        )
    return RatOut(
        id=m.id,
        cooperative_id=m.cooperative_id,
        year=m.year,
        held_on=m.held_on,
        attendance=m.attendance,
        members_total=m.members_total,
        net_surplus=m.net_surplus,
        financials=financials,
        note=m.note,
        recorded_by=m.recorded_by,
        created_at=m.created_at,
    )
