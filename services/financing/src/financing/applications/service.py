"""Applications: who may do what, the state machine applied, money committed. No SQL here."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.assessment import credit_figures, jsonable
from financing.applications.eligibility import lease_for_first_attempt
from financing.applications.models import (
    Application,
    ApplicationEvent,
    CreditAssessment,
    Document,
)
from financing.applications.offtake import coverage_figures
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import (
    ApplicationCreate,
    ApplicationOut,
    ApplicationUpdate,
    Approval,
    AssessmentCreate,
    DocumentKind,
    PlannedTranche,
    Signing,
    UseOfFundsItem,
)
from financing.applications.states import (
    REVIEW_STATES,
    Action,
    ApplicationStatus,
    allowed_actions,
    next_status,
)
from financing.documents.content import sniff, with_extension
from financing.documents.vault import DocumentVault
from financing.errors import ChecksumMismatch, FourEyesViolation
from financing.ledger.service import attach_loan, commit_funds, release_commitment
from financing.loans.models import Loan, LoanStatus
from financing.models import outbox_events
from financing.products import service as products
from financing.products.models import Product
from financing.products.repository import ProductRepository
from financing.schedules.engine import Frequency, Installment
from financing.settings import FinancingSettings
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import (
    BusinessRuleViolation,
    Conflict,
    Forbidden,
    NotFound,
    PayloadTooLarge,
    ValidationProblem,
)
from kopmod_shared.events import EventType
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.financing import (
    AgreementSigned,
    ApplicationApproved,
    ApplicationRejected,
    ApplicationSubmitted,
)

S = ApplicationStatus
# Fund staff; never admin (the platform operator is not the fund: docs/security.md).
STAFF = frozenset({Role.fund_officer, Role.fund_committee})
READ_SCOPE = "applications:read"
SOURCE = "financing"


def now() -> datetime:
    return datetime.now(UTC)


# --- access -------------------------------------------------------------------------------


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


def may_act_as_applicant(principal: Principal, application: Application) -> bool:
    """Only the cooperative itself (the platform operator does not act for it)."""
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


# --- state changes ------------------------------------------------------------------------


async def record_transition(
    session: AsyncSession,
    application: Application,
    action: Action,
    *,
    actor: str,
    actor_role: str,
    note: str | None = None,
    reviewer_step: bool = False,
) -> ApplicationStatus:
    target = next_status(application.status, action)
    session.add(
        ApplicationEvent(
            application_id=application.id,
            action=action.value,
            from_status=application.status,
            to_status=target.value,
            actor=actor,
            actor_role=actor_role,
            reviewer_step=reviewer_step,
            note=note,
        )
    )
    application.status = target.value
    application.updated_at = now()
    await session.flush()
    return target


def _base(application: Application) -> dict[str, Any]:
    return {
        "application_id": application.id,
        "cooperative_id": application.cooperative_id,
        "product_id": application.product_id,
        "fund_id": application.fund_id,
        "status": ApplicationStatus(application.status),
    }


async def _event(session: AsyncSession, type: str, application: Application, data: Any) -> None:
    await emit(
        session,
        outbox_events,
        source=SOURCE,
        type=type,
        subject=application.id,
        data=data,
        parties=[application.cooperative_id],
    )


# --- drafts and submission ----------------------------------------------------------------


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
    """draft -> submitted -> eligibility_check; the check itself runs after the commit."""
    application = await load(session, principal, application_id, for_update=True)
    _require_applicant(principal, application)
    next_status(application.status, Action.submit)
    product = await _product_for_application(session, application.product_id)
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
    await record_transition(session, application, Action.submit, actor=actor, actor_role=role)
    application.submitted_at = now()
    await _event(
        session,
        EventType.APPLICATION_SUBMITTED,
        application,
        ApplicationSubmitted(
            **_base(application),
            amount=application.requested_amount,
            tenor_periods=application.tenor_periods,
            offtake_contract_ids=list(application.offtake_contract_ids),
        ),
    )
    await record_transition(
        session, application, Action.start_eligibility, actor=actor, actor_role=role
    )
    application.eligibility_next_at = lease_for_first_attempt(settings)
    await session.flush()
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


# --- review -------------------------------------------------------------------------------


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
    await _event(
        session,
        EventType.APPLICATION_REJECTED,
        application,
        ApplicationRejected(**_base(application), reason=reason),
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
    if principal.client_id in reviewers:
        raise FourEyesViolation(
            f"{principal.client_id} reviewed this application and cannot approve it",
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
    await _event(
        session,
        EventType.APPLICATION_APPROVED,
        application,
        ApplicationApproved(
            **_base(application),
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
    """Akad: the terms are fixed and the loan account exists, pending disbursement."""
    _require_role(principal, Role.fund_officer, Role.fund_committee)
    application = await load(session, principal, application_id, for_update=True)
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
    await _event(
        session,
        EventType.AGREEMENT_SIGNED,
        application,
        AgreementSigned(
            **_base(application),
            loan_id=loan.id,
            approved_amount=loan.approved_amount,
            annual_rate=loan.annual_rate,
            tenor_periods=loan.tenor_periods,
            province_code=loan.province_code,
        ),
    )
    return loan


# --- documents ----------------------------------------------------------------------------

DOCUMENT_STATES = frozenset(
    {S.draft, S.submitted, S.eligibility_check, S.desk_review, S.field_survey, S.risk_review}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def clean_file_name(name: str | None) -> str:
    base = (name or "document").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "document"
    return cleaned[:255]


async def add_document(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    *,
    kind: DocumentKind,
    file_name: str | None,
    checksum_sha256: str,
    data: bytes,
    vault: DocumentVault,
    max_bytes: int,
) -> Document:
    application = await load(session, principal, application_id, for_update=True)
    if not (may_act_as_applicant(principal, application) or principal.role is Role.fund_officer):
        raise Forbidden("documents are added by the applicant or a fund officer")
    if application.status not in DOCUMENT_STATES:
        raise Conflict(
            f"documents cannot be added while {application.status}",
            current_state=application.status,
        )
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"document above {max_bytes} bytes")
    if not data:
        raise ValidationProblem.for_field("body.file", "the file is empty", "empty")
    actual = hashlib.sha256(data).hexdigest()
    if actual != checksum_sha256.lower():
        raise ChecksumMismatch(
            "the file's SHA-256 does not match checksum_sha256; nothing was stored",
            expected=checksum_sha256.lower(),
            actual=actual,
        )
    # Kept, named and served as what its bytes are, never as the uploader says (415 otherwise).
    checked = sniff(data)
    document = Document(
        application_id=application.id,
        kind=kind.value,
        file_name=with_extension(clean_file_name(file_name), checked),
        content_type=checked.media_type,
        size_bytes=len(data),
        checksum_sha256=actual,
        storage_key="",
        uploaded_by=principal.client_id,
    )
    document.storage_key = f"{application.id}.{actual[:16]}.{_new_key()}"
    await ApplicationRepository(session).add(document)
    # Written after the row is flushed: a failed insert leaves no file; a failed commit leaves
    # an unreferenced file, never a reference without a file.
    document.encryption_key_id = await vault.put(document.storage_key, data)
    return document


def _new_key() -> str:
    from kopmod_shared.ids import new_id

    return new_id().hex


async def read_document(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    document_id: UUID,
    vault: DocumentVault,
) -> tuple[Document, bytes]:
    document = await document_meta(session, principal, application_id, document_id)
    return document, await vault.get(document.storage_key, document.encryption_key_id)


def may_see_documents(principal: Principal, application: Application) -> bool:
    """Personal data: the applicant and the fund's staff only (never partners)."""
    return is_staff(principal) or principal.is_org(Role.cooperative, application.cooperative_id)


async def list_documents(
    session: AsyncSession, principal: Principal, application_id: UUID
) -> list[Document]:
    application = await load(session, principal, application_id)
    if not may_see_documents(principal, application):
        raise NotFound(f"no documents for application {application_id}")
    return list(await ApplicationRepository(session).documents(application.id))


async def document_meta(
    session: AsyncSession, principal: Principal, application_id: UUID, document_id: UUID
) -> Document:
    application = await load(session, principal, application_id)
    if not may_see_documents(principal, application):
        raise NotFound(f"no document {document_id}")
    document = await ApplicationRepository(session).document(application.id, document_id)
    if document is None:
        raise NotFound(f"no document {document_id}")
    return document


# --- reading ------------------------------------------------------------------------------


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
