"""The committee's decision on an application in committee: approve with conditions, decline,
or send it back to the officer with a reason. Four eyes by person: whoever reviewed the
application (through any client) takes no committee decision on it."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications import review
from financing.applications.models import Application
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import Approval
from financing.applications.service import load
from financing.applications.states import Action, next_status
from financing.applications.transitions import record_transition
from financing.committee.models import CommitteeDecision
from financing.committee.repository import CommitteeRepository
from financing.committee.schemas import DecisionCreate, Outcome
from financing.errors import FourEyesViolation
from kopmod_shared.auth import Principal, Role, same_actor
from kopmod_shared.errors import Forbidden
from kopmod_shared.pagination import PageParams, Slice

OUTCOME_ACTION = {
    Outcome.approve: Action.approve,
    Outcome.decline: Action.reject,
    Outcome.send_back: Action.send_back,
}
RECORDED = {
    Outcome.approve: "approved",
    Outcome.decline: "declined",
    Outcome.send_back: "sent_back",
}


async def _checked(
    session: AsyncSession, principal: Principal, application_id: UUID, action: Action
) -> Application:
    if principal.role is not Role.fund_committee:
        raise Forbidden("committee decisions are taken by the fund committee")
    application = await load(session, principal, application_id, for_update=True)
    next_status(application.status, action)
    reviewers = await ApplicationRepository(session).reviewers(application.id)
    if any(same_actor(principal, reviewer) for reviewer in reviewers):
        raise FourEyesViolation(
            f"{principal.actor} reviewed this application and takes no committee decision on it",
            reviewers=sorted(reviewers),
        )
    return application


async def decide(
    session: AsyncSession, principal: Principal, application_id: UUID, data: DecisionCreate
) -> CommitteeDecision:
    application = await _checked(session, principal, application_id, OUTCOME_ACTION[data.outcome])
    if data.outcome is Outcome.approve:
        await review.approve(
            session,
            principal,
            application.id,
            Approval(
                reason=data.reason,
                amount=data.amount,
                tenor_periods=data.tenor_periods,
                grace_periods=data.grace_periods,
            ),
        )
    elif data.outcome is Outcome.decline:
        await review.reject(session, principal, application.id, data.reason)
    else:
        await record_transition(
            session,
            application,
            Action.send_back,
            actor=principal.actor,
            actor_role=principal.role.value,
            note=data.reason,
        )
    return await CommitteeRepository(session).add(
        CommitteeDecision(
            application_id=application.id,
            outcome=RECORDED[data.outcome],
            reason=data.reason,
            conditions=list(data.conditions),
            decided_by=principal.actor,
        )
    )


async def decisions(
    session: AsyncSession, principal: Principal, application_id: UUID, page: PageParams
) -> Slice[CommitteeDecision]:
    application = await load(session, principal, application_id)
    return await CommitteeRepository(session).decisions(application.id, page)
