"""Applications: who may do what, the state machine applied, money committed. No SQL here."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, cast
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application, ApplicationEvent
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import (
    ApplicationCreate,
    ApplicationOut,
    ApplicationUpdate,
    PlannedTranche,
    UseOfFundsItem,
)
from financing.applications.states import Action, ApplicationStatus, allowed_actions, next_status
from financing.applications.transitions import (
    emit_event,
    event_fields,
    now,
    queue_transition,
    queue_update,
    record_transition,
)
from financing.ledger.service import release_commitment
from financing.products import service as products
from financing.products.models import Product
from financing.products.repository import ProductRepository
from financing.settings import FinancingSettings
from kopmod_shared.auth import Principal, Role
from kopmod_shared.deferred import defer_inserts
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    Forbidden,
    NotFound,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.schemas.financing import ApplicationSubmitted

S = ApplicationStatus
# Fund staff; never admin (the platform operator is not the fund: docs/security.md).
STAFF = frozenset({Role.fund_officer, Role.fund_committee})
READ_SCOPE = "applications:read"


def is_staff(principal: Principal) -> bool:
    return principal.role in STAFF


def may_read(principal: Principal, application: Application) -> bool:
    if principal.role is Role.cooperative:
        return principal.is_org(Role.cooperative, application.cooperative_id)
    if is_staff(principal) or principal.role is Role.service:
        return True
    return principal.role is Role.partner and principal.has_scope(READ_SCOPE)


def may_subscribe(principal: Principal) -> bool:
    """Who may subscribe to financing's events: a cooperative (it hears only about itself), fund
    staff, services, and partners holding ``applications:read``; the same callers who may read
    every application. Anyone else would hear about every cooperative's financing."""
    if principal.org_id is not None:
        return True
    if is_staff(principal) or principal.role is Role.service:
        return True
    return principal.role is Role.partner and principal.has_scope(READ_SCOPE)


def may_see_documents(principal: Principal, application: Application) -> bool:
    """Documents and what the fund asked for hold personal data: the applicant and the fund's
    staff only (never partners, never services)."""
    return is_staff(principal) or principal.is_org(Role.cooperative, application.cooperative_id)


def may_act_as_applicant(principal: Principal, application: Application) -> bool:
    # Only the cooperative itself (the platform operator does not act for it).
    return principal.is_org(Role.cooperative, application.cooperative_id)


async def load(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    *,
    for_update: bool = False,
) -> Application:
    """The application if the caller may see it; another organisation's is a plain 404."""
    application = await ApplicationRepository(session).get(application_id, for_update=for_update)
    if application is None or not may_read(principal, application):
        raise NotFound(f"no application {application_id}")
    return application


def _terms_check(
    product: Product,
    *,
    amount: Decimal,
    tenor: int,
    grace: int,
    tranches: list[PlannedTranche],
    uses: list[UseOfFundsItem],
) -> None:
    products.check_terms(
        product,
        amount=amount,
        tenor_periods=tenor,
        grace_periods=grace,
        tranche_amounts=[t.amount for t in tranches],
    )
    total = sum((u.amount for u in uses), Decimal(0))
    if total != amount:
        raise ValidationProblem.for_field(
            "body.use_of_funds",
            f"use_of_funds adds up to {total}, not the amount {amount}",
            "use_of_funds_mismatch",
        )


async def _product_for_application(session: AsyncSession, product_id: UUID) -> Product:
    """The product a draft is made, changed or submitted on, held (``FOR SHARE``) until the
    commit so that it cannot be retired in between; a retired one is a 409."""
    product = await ProductRepository(session).get_locked(product_id, exclusive=False)
    if product is None:
        raise ValidationProblem.for_field(
            "body.product_id", f"no product {product_id}", "not_found"
        )
    products.require_open(product)
    return product


async def create_draft(
    session: AsyncSession, principal: Principal, data: ApplicationCreate
) -> Application:
    if principal.role is Role.cooperative:
        if data.cooperative_id is not None and data.cooperative_id != principal.org_id:
            raise Forbidden("a cooperative applies only for itself")
        cooperative_id = principal.org_id
    elif data.cooperative_id is None:
        raise ValidationProblem.for_field(
            "body.cooperative_id", "required when filing for a cooperative", "missing"
        )
    else:
        cooperative_id = data.cooperative_id
    assert cooperative_id is not None
    product = await _product_for_application(session, data.product_id)
    _terms_check(
        product,
        amount=data.amount,
        tenor=data.tenor_periods,
        grace=data.grace_periods,
        tranches=data.tranche_plan,
        uses=data.use_of_funds,
    )
    application = Application(
        cooperative_id=cooperative_id,
        product_id=product.id,
        fund_id=product.fund_id,
        status=S.draft.value,
        requested_amount=data.amount,
        tenor_periods=data.tenor_periods,
        grace_periods=data.grace_periods,
        purpose=data.purpose,
        use_of_funds=[u.model_dump(mode="json") for u in data.use_of_funds],
        tranche_plan=[t.model_dump(mode="json") for t in data.tranche_plan],
        offtake_contract_ids=list(dict.fromkeys(data.offtake_contract_ids)),
        created_by=principal.client_id,
        eligibility_attempts=0,
    )
    repo = ApplicationRepository(session)
    await repo.add(application)
    await repo.add(
        ApplicationEvent(
            application_id=application.id,
            action="create",
            from_status=None,
            to_status=S.draft.value,
            actor=principal.client_id,
            actor_role=principal.role.value,
            reviewer_step=False,
        )
    )
    return application


def _require_applicant(principal: Principal, application: Application) -> None:
    if not may_act_as_applicant(principal, application):
        raise Forbidden("only the applying cooperative (or an admin) may do this")


async def update_draft(
    session: AsyncSession, principal: Principal, application_id: UUID, data: ApplicationUpdate
) -> Application:
    application = await load(session, principal, application_id, for_update=True)
    _require_applicant(principal, application)
    if application.status != S.draft:
        raise Conflict(
            f"only a draft can be changed; this application is {application.status}",
            current_state=application.status,
        )
    amount = data.amount if data.amount is not None else application.requested_amount
    tenor = data.tenor_periods if data.tenor_periods is not None else application.tenor_periods
    grace = data.grace_periods if data.grace_periods is not None else application.grace_periods
    uses = (
        data.use_of_funds
        if data.use_of_funds is not None
        else [UseOfFundsItem.model_validate(u) for u in application.use_of_funds]
    )
    tranches = (
        data.tranche_plan
        if data.tranche_plan is not None
        else [PlannedTranche.model_validate(t) for t in application.tranche_plan]
    )
    product = await _product_for_application(session, application.product_id)
    _terms_check(product, amount=amount, tenor=tenor, grace=grace, tranches=tranches, uses=uses)
    application.requested_amount = amount
    application.tenor_periods = tenor
    application.grace_periods = grace
    application.use_of_funds = [u.model_dump(mode="json") for u in uses]
    application.tranche_plan = [t.model_dump(mode="json") for t in tranches]
    if data.purpose is not None:
        application.purpose = data.purpose
    if data.offtake_contract_ids is not None:
        application.offtake_contract_ids = list(dict.fromkeys(data.offtake_contract_ids))
    application.updated_at = now()
    await session.flush()
    return application


async def submit(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    settings: FinancingSettings,
) -> Application:
    """draft -> submitted -> eligibility_check, due at once: the eligibility worker runs the
    check off the request path (``applications.worker``) and tells the applicant with
    ``financing.application.eligibility_passed`` / ``_failed``.

    The hottest command, written without the unit of work: the application and its product
    are read in one statement as plain values, and every write (the status, both history rows,
    the outbox event, then the audit and idempotency rows) goes out in one statement before the
    commit (``kopmod_shared.deferred``): four round trips besides ``BEGIN`` and ``COMMIT``.
    """
    defer_inserts(session)
    found = await ApplicationRepository(session).get_with_product(application_id)
    if found is None or not may_read(principal, cast(Application, found[0])):
        raise NotFound(f"no application {application_id}")
    # Plain values with the attributes of the models (read, never flushed).
    application, product = cast(Application, found[0]), cast(Product, found[1])
    _require_applicant(principal, application)
    next_status(application.status, Action.submit)
    products.require_open(product)
    _terms_check(
        product,
        amount=application.requested_amount,
        tenor=application.tenor_periods,
        grace=application.grace_periods,
        tranches=[PlannedTranche.model_validate(t) for t in application.tranche_plan],
        uses=[UseOfFundsItem.model_validate(u) for u in application.use_of_funds],
    )
    required = set(settings.required_document_kinds)
    if required:
        present = {d.kind for d in await ApplicationRepository(session).documents(application.id)}
        missing = sorted(required - present)
        if missing:
            raise BusinessRuleViolation(
                f"documents missing before submission: {', '.join(missing)}",
                missing_documents=missing,
            )
    actor, role = principal.client_id, principal.role.value
    await queue_transition(session, application, Action.submit, actor=actor, actor_role=role)
    application.submitted_at = now()
    await emit_event(
        session,
        EventType.APPLICATION_SUBMITTED,
        application,
        ApplicationSubmitted(
            **event_fields(application),
            amount=application.requested_amount,
            tenor_periods=application.tenor_periods,
            offtake_contract_ids=list(application.offtake_contract_ids),
        ),
    )
    await queue_transition(
        session, application, Action.start_eligibility, actor=actor, actor_role=role
    )
    application.eligibility_next_at = application.submitted_at  # due for the worker now
    queue_update(
        session,
        application,
        ("status", "updated_at", "submitted_at", "eligibility_next_at"),
    )
    return application


async def withdraw(
    session: AsyncSession, principal: Principal, application_id: UUID, note: str | None
) -> Application:
    application = await load(session, principal, application_id, for_update=True)
    _require_applicant(principal, application)
    was_approved = application.status == S.approved
    await record_transition(
        session,
        application,
        Action.withdraw,
        actor=principal.client_id,
        actor_role=principal.role.value,
        note=note,
    )
    application.eligibility_next_at = None
    if was_approved:
        await release_commitment(session, application_id=application.id)
    return application


async def retry_eligibility_now(
    session: AsyncSession, principal: Principal, application_id: UUID
) -> Application:
    """An officer asks for the next eligibility attempt now (the registry is back)."""
    application = await load(session, principal, application_id, for_update=True)
    if application.status != S.eligibility_check:
        raise Conflict(
            f"only an application waiting in eligibility_check is retried; this one is "
            f"{application.status}",
            current_state=application.status,
        )
    application.eligibility_next_at = now()
    await session.flush()
    return application


def to_out(application: Application) -> ApplicationOut:
    return ApplicationOut(
        id=application.id,
        cooperative_id=application.cooperative_id,
        product_id=application.product_id,
        fund_id=application.fund_id,
        status=ApplicationStatus(application.status),
        allowed_actions=allowed_actions(ApplicationStatus(application.status)),
        amount=application.requested_amount,
        tenor_periods=application.tenor_periods,
        grace_periods=application.grace_periods,
        purpose=application.purpose,
        use_of_funds=[UseOfFundsItem.model_validate(u) for u in application.use_of_funds],
        tranche_plan=[PlannedTranche.model_validate(t) for t in application.tranche_plan],
        offtake_contract_ids=list(application.offtake_contract_ids),
        province_code=application.province_code,
        created_by=application.created_by,
        created_at=application.created_at,
        submitted_at=application.submitted_at,
        eligibility_attempts=application.eligibility_attempts,
        eligibility_next_at=application.eligibility_next_at,
        eligibility_last_error=application.eligibility_last_error,
        approved_amount=application.approved_amount,
        approved_tenor_periods=application.approved_tenor_periods,
        approved_grace_periods=application.approved_grace_periods,
        tariff_rate=application.tariff_rate,
        annual_rate=application.annual_rate,
        approved_on=application.approved_on,
        decided_by=application.decided_by,
        decision_reason=application.decision_reason,
        loan_id=application.loan_id,
        current_loan_id=application.current_loan_id,
    )


async def schedule(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    start_date: date | None,
    first_due_date: date | None,
) -> Any:
    """The schedule of the approved terms (or, before approval, the requested ones at today's
    tariff), from ``start_date`` (default today)."""
    application = await load(session, principal, application_id)
    product = await session.get(Product, application.product_id)
    assert product is not None
    if application.approved_amount is not None and application.tariff_rate is not None:
        amount = application.approved_amount
        tenor = application.approved_tenor_periods or application.tenor_periods
        grace = (
            application.approved_grace_periods
            if application.approved_grace_periods is not None
            else application.grace_periods
        )
        rate, rate_date = application.tariff_rate, application.approved_on or products.today()
    else:
        amount, tenor, grace = (
            application.requested_amount,
            application.tenor_periods,
            application.grace_periods,
        )
        rate_date = products.today()
        rate = (await products.tariff_on(session, product, rate_date)).annual_rate
    start = start_date or products.today()
    installments = products.schedule_for(
        product,
        amount=amount,
        tenor_periods=tenor,
        grace_periods=grace,
        tariff_rate=rate,
        start_date=start,
        first_due_date=first_due_date,
    )
    return products.schedule_out(
        product,
        installments,
        amount=amount,
        tariff_rate=rate,
        rate_date=rate_date,
        tenor_periods=tenor,
        grace_periods=grace,
        start_date=start,
    )
