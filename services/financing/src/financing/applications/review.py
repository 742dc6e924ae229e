"""Reviewing an application: credit assessment, the review steps, rejection, the committee's
approval (four eyes, the amount committed against the fund) and signing the agreement (akad),
which opens the loan."""

from __future__ import annotations

from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.assessment import credit_figures, jsonable
from financing.applications.models import Application, ApplicationEvent, CreditAssessment
from financing.applications.offtake import coverage_figures
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import Approval, AssessmentCreate, Signing
from financing.applications.service import S, load, may_act_as_applicant
from financing.applications.states import REVIEW_STATES, Action, next_status
from financing.applications.transitions import emit_event, event_fields, now, record_transition
from financing.errors import FourEyesViolation
from financing.ledger.service import attach_loan, commit_funds
from financing.loans.models import Loan, LoanStatus
from financing.products import service as products
from financing.products.models import Product
from financing.schedules.engine import Frequency, Installment
from kopmod_shared.auth import Principal, Role, same_actor
from kopmod_shared.errors import BusinessRuleViolation, Conflict, Forbidden, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.schemas.financing import (
    AgreementSigned,
    ApplicationApproved,
    ApplicationRejected,
)


def _require_role(principal: Principal, *roles: Role) -> None:
    if principal.role not in roles:
        allowed = ", ".join(r.value for r in roles)
        raise Forbidden(f"role {principal.role.value} may not do this; needs {allowed}")


async def _terms_schedule(
    session: AsyncSession, application: Application, product: Product
) -> list[Installment]:
    tariff = await products.tariff_on(session, product, products.today())
    return products.schedule_for(
        product,
        amount=application.requested_amount,
        tenor_periods=application.tenor_periods,
        grace_periods=application.grace_periods,
        tariff_rate=tariff.annual_rate,
        start_date=products.today(),
    )


async def assess(
    session: AsyncSession, principal: Principal, application_id: UUID, data: AssessmentCreate
) -> CreditAssessment:
    _require_role(principal, Role.fund_officer)
    repo = ApplicationRepository(session)
    application = await load(session, principal, application_id, for_update=True)
    if application.status not in REVIEW_STATES:
        raise Conflict(
            f"a credit assessment is made during review; this application is {application.status}",
            current_state=application.status,
            allowed_states=sorted(s.value for s in REVIEW_STATES),
        )
    product = await session.get(Product, application.product_id)
    assert product is not None
    eligibility = await repo.latest_eligibility(application.id)
    financials = (eligibility.snapshot or {}).get("latest_financials") if eligibility else None
    schedule = await _terms_schedule(session, application, product)
    figures = credit_figures(
        amount=application.requested_amount,
        frequency=Frequency(product.frequency),
        schedule=schedule,
        financials=financials,
        max_equity_multiple=product.max_equity_multiple,
    )
    if application.offtake_contract_ids and eligibility is not None and schedule:
        figures += coverage_figures(
            contracts=(eligibility.snapshot or {}).get("offtake_contracts") or [],
            cooperative_id=application.cooperative_id,
            total_repayments=sum((i.total for i in schedule), Decimal(0)),
            start=products.today(),
            end=schedule[-1].due_date,
            closed_loop_share=product.closed_loop_share,
        )
    assessment = CreditAssessment(
        application_id=application.id,
        figures=jsonable(figures),
        recommendation=data.recommendation.value,
        note=data.note,
        assessed_by=principal.client_id,
    )
    await repo.add(assessment)
    await repo.add(
        ApplicationEvent(
            application_id=application.id,
            action="assess",
            from_status=application.status,
            to_status=application.status,
            actor=principal.client_id,
            actor_role=principal.role.value,
            reviewer_step=True,
            note=f"recommends {data.recommendation.value}"
            + (f": {data.note}" if data.note else ""),
        )
    )
    return assessment


REVIEW_STEPS = frozenset(
    {Action.start_field_survey, Action.start_risk_review, Action.refer_to_committee}
)


async def review_step(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    action: Action,
    note: str | None,
) -> Application:
    assert action in REVIEW_STEPS
    _require_role(principal, Role.fund_officer)
    application = await load(session, principal, application_id, for_update=True)
    next_status(application.status, action)
    if action is Action.refer_to_committee and not await ApplicationRepository(session).assessments(
        application.id
    ):
        raise BusinessRuleViolation("record a credit assessment before referring to committee")
    await record_transition(
        session,
        application,
        action,
        actor=principal.client_id,
        actor_role=principal.role.value,
        note=note,
        reviewer_step=True,
    )
    return application


async def reject(
    session: AsyncSession, principal: Principal, application_id: UUID, reason: str
) -> Application:
    application = await load(session, principal, application_id, for_update=True)
    next_status(application.status, Action.reject)
    if application.status == S.committee:
        _require_role(principal, Role.fund_committee)
    else:
        _require_role(principal, Role.fund_officer)
    reviewer = application.status in REVIEW_STATES
    await record_transition(
        session,
        application,
        Action.reject,
        actor=principal.client_id,
        actor_role=principal.role.value,
        note=reason,
        reviewer_step=reviewer,
    )
    application.decided_by = principal.client_id
    application.decision_reason = reason
    await emit_event(
        session,
        EventType.APPLICATION_REJECTED,
        application,
        ApplicationRejected(**event_fields(application), reason=reason),
    )
    return application


async def approve(
    session: AsyncSession, principal: Principal, application_id: UUID, data: Approval
) -> Application:
    """Committee approval: four eyes, terms within the product, tariff of the day, funds
    committed under the fund lock (committed never exceeds cash)."""
    _require_role(principal, Role.fund_committee)
    repo = ApplicationRepository(session)
    application = await load(session, principal, application_id, for_update=True)
    next_status(application.status, Action.approve)
    reviewers = await repo.reviewers(application.id)
    if any(same_actor(principal, reviewer) for reviewer in reviewers):
        raise FourEyesViolation(
            f"{principal.actor} reviewed this application and cannot approve it",
            reviewers=sorted(reviewers),
        )
    product = await session.get(Product, application.product_id)
    assert product is not None
    amount = data.amount if data.amount is not None else application.requested_amount
    tenor = data.tenor_periods if data.tenor_periods is not None else application.tenor_periods
    grace = data.grace_periods if data.grace_periods is not None else application.grace_periods
    if amount > application.requested_amount:
        raise ValidationProblem.for_field(
            "body.amount",
            f"approval may reduce the amount, not raise it above the requested "
            f"{application.requested_amount}",
            "above_requested",
        )
    products.check_terms(product, amount=amount, tenor_periods=tenor, grace_periods=grace)
    approved_on = products.today()
    tariff = await products.tariff_on(session, product, approved_on)
    await commit_funds(
        session, fund_id=application.fund_id, application_id=application.id, amount=amount
    )
    await record_transition(
        session,
        application,
        Action.approve,
        actor=principal.client_id,
        actor_role=principal.role.value,
        note=data.reason,
    )
    application.approved_amount = amount
    application.approved_tenor_periods = tenor
    application.approved_grace_periods = grace
    application.tariff_id = tariff.id
    application.tariff_rate = tariff.annual_rate
    application.annual_rate = products.schedule_rate(product, tariff.annual_rate)
    application.approved_on = approved_on
    application.decided_by = principal.client_id
    application.decision_reason = data.reason
    await session.flush()
    await emit_event(
        session,
        EventType.APPLICATION_APPROVED,
        application,
        ApplicationApproved(
            **event_fields(application),
            approved_amount=amount,
            tenor_periods=tenor,
            grace_periods=grace,
            annual_rate=application.annual_rate,
        ),
    )
    return application


async def sign(
    session: AsyncSession, principal: Principal, application_id: UUID, data: Signing
) -> Loan:
    """Akad: the terms are fixed and the loan account exists, pending disbursement. Signed by
    the cooperative itself or recorded by fund staff (``financing.papers`` keeps the signature
    and the hash of the terms)."""
    application = await load(session, principal, application_id, for_update=True)
    if not may_act_as_applicant(principal, application):
        _require_role(principal, Role.fund_officer, Role.fund_committee)
    next_status(application.status, Action.sign)
    if data.first_due_date is not None and data.first_due_date <= products.today():
        raise ValidationProblem.for_field(
            "body.first_due_date", "the first due date must be in the future", "past_date"
        )
    product = await session.get(Product, application.product_id)
    assert product is not None
    assert application.approved_amount is not None and application.annual_rate is not None
    signed_at = now()
    loan = Loan(
        application_id=application.id,
        fund_id=application.fund_id,
        product_id=application.product_id,
        cooperative_id=application.cooperative_id,
        province_code=application.province_code or "00",
        approved_amount=application.approved_amount,
        annual_rate=application.annual_rate,
        tenor_periods=application.approved_tenor_periods or application.tenor_periods,
        frequency=product.frequency,
        method=product.method,
        grace_periods=(
            application.approved_grace_periods
            if application.approved_grace_periods is not None
            else application.grace_periods
        ),
        rounding=product.rounding,
        allocation_order=list(product.allocation_order),
        arrears_tolerance_days=product.arrears_tolerance_days,
        max_tranches=product.max_tranches,
        penalty_rate=product.penalty_rate,
        pattern=product.pattern,
        akad=product.akad,
        profit_share_ratio=product.profit_share_ratio,
        tranche_plan=list(application.tranche_plan),
        status=LoanStatus.pending_disbursement.value,
        signed_at=signed_at,
        signed_by=principal.client_id,
        first_due_date=data.first_due_date,
    )
    session.add(loan)
    await session.flush()
    await attach_loan(session, application_id=application.id, loan_id=loan.id)
    await record_transition(
        session,
        application,
        Action.sign,
        actor=principal.client_id,
        actor_role=principal.role.value,
        note=data.note,
    )
    application.loan_id = loan.id
    await session.flush()
    await emit_event(
        session,
        EventType.AGREEMENT_SIGNED,
        application,
        AgreementSigned(
            **event_fields(application),
            loan_id=loan.id,
            approved_amount=loan.approved_amount,
            annual_rate=loan.annual_rate,
            tenor_periods=loan.tenor_periods,
            province_code=loan.province_code,
        ),
    )
    return loan
