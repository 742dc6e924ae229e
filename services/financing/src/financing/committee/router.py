"""Committee decisions over HTTP: approve with conditions, decline, send back (four eyes)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from financing.applications.router import TRANSITION_ERRORS, Reader
from financing.audit.service import AuditContext, audited
from financing.committee import service
from financing.committee.schemas import DecisionCreate, DecisionOut
from financing.errors import FourEyesViolation, InsufficientFundCash, NoTariff
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep

router = KopmodRouter(tags=["applications"])

Committee = Annotated[Principal, Depends(require_roles(Role.fund_committee))]


@router.post(
    "/v1/applications/{application_id}/committee-decisions",
    response_model=DecisionOut,
    status_code=201,
    summary="Decide in committee: approve with conditions, decline, or send back (four eyes)",
    description=(
        "For an application in `committee`. `approve` approves it (as `/approve` does: terms "
        "within the product, today's tariff, funds committed) and keeps its `conditions`, "
        "which the akad prints and its hash covers. `decline` rejects it. `send_back` returns "
        "it to `risk_review` with the reason for the officer: not a rejection, the officer "
        "answers and refers it again. Whoever reviewed the application, as the same person "
        "through any client, takes no decision on it: 403 `four-eyes`."
    ),
    responses=responses(*TRANSITION_ERRORS, FourEyesViolation, InsufficientFundCash, NoTariff),
)
async def decide_in_committee(
    application_id: UUID,
    data: DecisionCreate,
    principal: Committee,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.committee_decision"))],
) -> DecisionOut:
    audit.extra = {"outcome": data.outcome.value}
    return DecisionOut.model_validate(
        await service.decide(session, principal, application_id, data)
    )


@router.get(
    "/v1/applications/{application_id}/committee-decisions",
    response_model=Page[DecisionOut],
    summary="The committee's decisions on an application, oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_committee_decisions(
    application_id: UUID, principal: Reader, session: SessionDep, page: PageDep
) -> Page[DecisionOut]:
    rows, cursor = await service.decisions(session, principal, application_id, page)
    return Page[DecisionOut](
        items=[DecisionOut.model_validate(d) for d in rows], next_cursor=cursor
    )
