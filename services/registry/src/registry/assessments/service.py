"""Health assessments (Permenkop 9/2020): one per cooperative and year."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import Conflict, FieldError, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.pagination import PageParams, Slice
from kopmod_shared.schemas.registry import HealthAssessed, HealthCategory
from registry import access
from registry.assessments.models import HealthAssessment
from registry.assessments.repository import AssessmentRepository
from registry.assessments.schemas import AssessmentIn
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.service import SOURCE, get_visible
from registry.models import outbox_events

# Lower bound of each category's score band (the older rule's bands, domain.md 2).
SCORE_BANDS: list[tuple[Decimal, HealthCategory]] = [
    (Decimal(80), HealthCategory.sehat),
    (Decimal(66), HealthCategory.cukup_sehat),
    (Decimal(51), HealthCategory.dalam_pengawasan),
    (Decimal(0), HealthCategory.dalam_pengawasan_khusus),
]


def category_for(score: Decimal) -> HealthCategory:
    for floor, category in SCORE_BANDS:
        if score >= floor:
            return category
    return HealthCategory.dalam_pengawasan_khusus


async def record_assessment(
    repo: AssessmentRepository, principal: Principal, cooperative_id: UUID, data: AssessmentIn
) -> HealthAssessment:
    access.require_write(principal, cooperative_id, self_service=False)
    cooperative = await get_visible(
        CooperativeRepository(repo.session), principal, cooperative_id, for_update=True
    )
    if data.year < cooperative.founded_on.year:
        raise ValidationProblem.for_field(
            "body.year",
            f"the cooperative was founded in {cooperative.founded_on.year}",
            "before_founding",
        )
    if data.assessed_on < cooperative.founded_on:
        raise ValidationProblem.for_field(
            "body.assessed_on", "assessed before the cooperative was founded", "before_founding"
        )
    if await repo.year_taken(cooperative.id, data.year):
        raise Conflict(
            f"a health assessment for {data.year} is already recorded",
            errors=[FieldError(field="body.year", message="already recorded", code="duplicate")],
        )
    assessment = await repo.add(
        HealthAssessment(
            cooperative_id=cooperative.id,
            year=data.year,
            score=data.score,
            category=data.category or category_for(data.score),
            assessed_on=data.assessed_on,
            assessor=data.assessor,
            note=data.note,
            recorded_by=principal.client_id,
        )
    )
    # Score and category stay out of the event (see HealthAssessed).
    await emit(
        repo.session,
        outbox_events,
        source=SOURCE,
        type=EventType.COOPERATIVE_HEALTH_ASSESSED,
        subject=cooperative.id,
        data=HealthAssessed(
            cooperative_id=cooperative.id,
            assessment_id=assessment.id,
            year=assessment.year,
            assessed_on=assessment.assessed_on,
        ),
        parties=[cooperative.id],
    )
    return assessment


async def list_assessments(
    repo: AssessmentRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[HealthAssessment]:
    access.require_full_read(principal, cooperative_id)
    await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    return await repo.for_cooperative(cooperative_id, page)
