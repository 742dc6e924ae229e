"""The modernisation programme: a cohort and its phases (forward only, with history), and the
mentoring (pendampingan) each cooperative receives."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import (
    Conflict,
    FieldError,
    InvalidTransition,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.registry import PHASE_ORDER, CooperativeStatus, PhaseChanged
from registry import access
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.service import SOURCE, get_visible
from registry.models import outbox_events
from registry.modernisation.models import MentoringRecord, ModernisationStage
from registry.modernisation.repository import ModernisationRepository
from registry.modernisation.schemas import MentoringIn, MentoringUpdate, StageIn


async def record_stage(
    repo: ModernisationRepository, principal: Principal, cooperative_id: UUID, data: StageIn
) -> ModernisationStage:
    access.require_write(principal, cooperative_id, self_service=False)
    cooperative = await get_visible(
        CooperativeRepository(repo.session), principal, cooperative_id, for_update=True
    )
    if cooperative.status in (CooperativeStatus.merged, CooperativeStatus.dissolved):
        raise Conflict(
            f"the cooperative is {cooperative.status.value}",
            errors=[
                FieldError(
                    field="path.cooperative_id",
                    message="no longer exists as such",
                    code=f"cooperative_{cooperative.status.value}",
                )
            ],
        )
    history = await repo.stages(cooperative.id)
    cohort = data.cohort_year
    if not history:
        if cohort is None:
            raise ValidationProblem.for_field(
                "body.cohort_year", "the first stage names the cohort year", "missing"
            )
    else:
        current = history[-1]
        if cohort is not None and cohort != current.cohort_year:
            raise ValidationProblem.for_field(
                "body.cohort_year",
                f"the cooperative belongs to the {current.cohort_year} cohort",
                "cohort_fixed",
            )
        cohort = current.cohort_year
        position = PHASE_ORDER.index(current.phase)
        if PHASE_ORDER.index(data.phase) <= position:
            raise InvalidTransition(
                current.phase.value,
                f"enter {data.phase.value}",
                [p.value for p in PHASE_ORDER[position + 1 :]],
            )
        if data.started_on < current.started_on:
            raise ValidationProblem.for_field(
                "body.started_on",
                f"the current phase started on {current.started_on}",
                "before_previous_stage",
            )
    assert cohort is not None
    stage = ModernisationStage(
        cooperative_id=cooperative.id,
        cohort_year=cohort,
        phase=data.phase,
        started_on=data.started_on,
        note=data.note,
        recorded_by=principal.client_id,
    )
    await repo.add(stage)
    # The cooperative's current stage moves in the same transaction as its history.
    from_phase = history[-1].phase if history else None
    cooperative.cohort_year = cohort
    cooperative.phase = data.phase
    await repo.flush()
    await emit(
        repo.session,
        outbox_events,
        source=SOURCE,
        type=EventType.COOPERATIVE_PHASE_CHANGED,
        subject=cooperative.id,
        data=PhaseChanged(
            cooperative_id=cooperative.id,
            stage_id=stage.id,
            cohort_year=cohort,
            from_phase=from_phase,
            phase=data.phase,
            started_on=stage.started_on,
        ),
        parties=[cooperative.id],
    )
    return stage


async def stages(
    repo: ModernisationRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[ModernisationStage]:
    access.require_full_read(principal, cooperative_id)
    await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    return await repo.stages_page(cooperative_id, page)


def _check_dates(started_on: object, ended_on: object) -> None:
    if ended_on is not None and started_on is not None and ended_on < started_on:  # type: ignore[operator]
        raise ValidationProblem.for_field(
            "body.ended_on", "mentoring cannot end before it starts", "end_before_start"
        )


async def record_mentoring(
    repo: ModernisationRepository, principal: Principal, cooperative_id: UUID, data: MentoringIn
) -> MentoringRecord:
    access.require_write(principal, cooperative_id, self_service=False)
    cooperative = await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    _check_dates(data.started_on, data.ended_on)
    if data.started_on < cooperative.founded_on:
        raise ValidationProblem.for_field(
            "body.started_on", "mentoring before the cooperative was founded", "before_founding"
        )
    record = MentoringRecord(
        cooperative_id=cooperative.id,
        focus=[f.value for f in data.focus],
        mentor=data.mentor,
        mentor_organisation=data.mentor_organisation,
        started_on=data.started_on,
        ended_on=data.ended_on,
        outcome=data.outcome,
        recorded_by=principal.client_id,
    )
    await repo.add(record)
    return record


async def update_mentoring(
    repo: ModernisationRepository,
    principal: Principal,
    cooperative_id: UUID,
    record_id: UUID,
    data: MentoringUpdate,
) -> MentoringRecord:
    access.require_write(principal, cooperative_id, self_service=False)
    record = await repo.mentoring_record(cooperative_id, record_id)
    if record is None:
        raise NotFound("no mentoring record with this id for this cooperative")
    changes = data.model_dump(include=data.model_fields_set)
    _check_dates(record.started_on, changes.get("ended_on", record.ended_on))
    for name, value in changes.items():
        setattr(record, name, value)
    await repo.flush()
    await repo.session.refresh(record)
    return record


async def mentoring(
    repo: ModernisationRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[MentoringRecord]:
    access.require_full_read(principal, cooperative_id)
    await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    return await repo.mentoring(cooperative_id, page)
