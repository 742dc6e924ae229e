"""Applications from draft to signed agreement, their documents, checks and schedule."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import BackgroundTasks, Depends, File, Form, Request, Response, UploadFile

from financing.applications import documents, review, service
from financing.applications.eligibility import EligibilityDeps, run_check
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import (
    ApplicationCreate,
    ApplicationEventOut,
    ApplicationOut,
    ApplicationUpdate,
    Approval,
    AssessmentCreate,
    AssessmentOut,
    DocumentKind,
    DocumentOut,
    EligibilityOut,
    LoanOut,
    Note,
    Rejection,
    Signing,
)
from financing.applications.states import Action, ApplicationStatus
from financing.audit.service import AuditContext, audited
from financing.documents.content import ALLOWED_MEDIA_TYPES
from financing.errors import (
    ChecksumMismatch,
    FourEyesViolation,
    InsufficientFundCash,
    NoTariff,
    ProductRetired,
)
from financing.papers import service as papers
from financing.products.schemas import SchedulePreviewOut
from financing.products.service import schedule_csv
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.csvexport import csv_response
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import (
    AUTH_ERRORS,
    BusinessRuleViolation,
    Conflict,
    InvalidTransition,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationProblem,
    responses,
)
from kopmod_shared.pagination import (
    Page,
    PageDep,
    PageParams,
    cursor_time_id,
    make_page,
    page_params,
)

router = KopmodRouter(tags=["applications"])
# The one route with bodies above the shared limit (main.py raises it to max_document_bytes).
DOCUMENT_UPLOAD_PATH = "/v1/applications/{application_id}/documents"

Applicant = Annotated[Principal, Depends(require_roles(Role.cooperative))]
Officer = Annotated[Principal, Depends(require_roles(Role.fund_officer))]
Committee = Annotated[Principal, Depends(require_roles(Role.fund_committee))]
Decider = Annotated[Principal, Depends(require_roles(Role.fund_officer, Role.fund_committee))]
Signer = Annotated[
    Principal,
    Depends(require_roles(Role.cooperative, Role.fund_officer, Role.fund_committee)),
]
Uploader = Annotated[Principal, Depends(require_roles(Role.cooperative, Role.fund_officer))]
DocumentReader = Annotated[
    Principal,
    Depends(require_roles(Role.cooperative, Role.fund_officer, Role.fund_committee)),
]
Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.cooperative,
            Role.fund_officer,
            Role.fund_committee,
            Role.service,
            Role.partner,
            scopes=[service.READ_SCOPE],
        )
    ),
]

TRANSITION_ERRORS = (*AUTH_ERRORS, NotFound, InvalidTransition, ValidationProblem)


@router.post(
    "/v1/applications",
    response_model=ApplicationOut,
    status_code=201,
    summary="Start an application (draft)",
    description=(
        "A cooperative applies for itself (its token's organisation); an admin names the "
        "cooperative. The amount, tenor and grace must fit the product, the use-of-funds "
        "breakdown must add up to the amount, and an optional tranche plan may not exceed it. "
        "Offtake contracts are referenced by id. Submit it with `/submit`. A retired product "
        "(`active: false`) is refused with 409 `product-retired`."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem, ProductRetired),
)
async def create_application(
    data: ApplicationCreate,
    principal: Applicant,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.create"))],
    response: Response,
) -> ApplicationOut:
    application = await service.create_draft(session, principal, data)
    audit.target_id = application.id
    response.headers["Location"] = f"/v1/applications/{application.id}"
    return service.to_out(application)


@router.get(
    "/v1/applications",
    response_model=Page[ApplicationOut],
    summary="List applications",
    description=(
        "A cooperative sees its own; fund staff, platform services and partners with "
        "`applications:read` see all. "
        "Oldest first, cursor-paginated."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_applications(
    principal: Reader,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    status: ApplicationStatus | None = None,
    cooperative_id: UUID | None = None,
    fund_id: UUID | None = None,
) -> Page[ApplicationOut]:
    if principal.role is Role.cooperative:
        if cooperative_id is not None and cooperative_id != principal.org_id:
            return Page[ApplicationOut](items=[], next_cursor=None)
        cooperative_id = principal.org_id
    after = cursor_time_id(page)
    rows = await ApplicationRepository(session).page(
        limit=page.limit,
        after=after,
        cooperative_id=cooperative_id,
        status=status.value if status else None,
        fund_id=fund_id,
    )
    items, cursor = make_page(rows, page.limit, lambda a: (a.created_at, a.id))
    return Page[ApplicationOut](items=[service.to_out(a) for a in items], next_cursor=cursor)


@router.get(
    "/v1/applications/{application_id}",
    response_model=ApplicationOut,
    summary="Read an application (with the actions that can follow)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_application(
    application_id: UUID, principal: Reader, session: SessionDep
) -> ApplicationOut:
    return service.to_out(await service.load(session, principal, application_id))


@router.patch(
    "/v1/applications/{application_id}",
    response_model=ApplicationOut,
    summary="Change a draft",
    description="Refused with 409 `product-retired` once the draft's product is retired.",
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem, ProductRetired),
)
async def update_application(
    application_id: UUID,
    data: ApplicationUpdate,
    principal: Applicant,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.update"))],
) -> ApplicationOut:
    return service.to_out(await service.update_draft(session, principal, application_id, data))


@router.post(
    "/v1/applications/{application_id}/submit",
    response_model=ApplicationOut,
    summary="Submit a draft; the eligibility check starts",
    description=(
        "The answer is the application in `eligibility_check`: the check runs after it, in "
        "financing's eligibility worker (usually within a second or two), which asks the "
        "registry for the cooperative's eligibility snapshot. It then moves on to `desk_review` "
        "(event `financing.application.eligibility_passed`) or `rejected` "
        "(`financing.application.eligibility_failed`), each rule's outcome recorded at "
        "`/eligibility`; poll the application or subscribe to the events. If the registry "
        "cannot be reached it waits in `eligibility_check` (`eligibility_last_error`, "
        "`eligibility_next_at`) and is retried. A draft whose product has been retired cannot "
        "be submitted (409 "
        "`product-retired`); applications submitted before the product was retired carry on."
    ),
    responses=responses(*TRANSITION_ERRORS, BusinessRuleViolation, ProductRetired),
)
async def submit_application(
    application_id: UUID,
    request: Request,
    principal: Applicant,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.submit"))],
) -> ApplicationOut:
    application = await service.submit(
        session, principal, application_id, request.app.state.settings
    )
    return service.to_out(application)


@router.post(
    "/v1/applications/{application_id}/eligibility-retry",
    response_model=ApplicationOut,
    status_code=202,
    summary="Retry the eligibility check now (fund officer)",
    description=(
        "For an application waiting in `eligibility_check` because the registry could not be "
        "reached: the next attempt runs right after this answer instead of at "
        "`eligibility_next_at`. Read the application to see the outcome."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict),
)
async def retry_eligibility(
    application_id: UUID,
    request: Request,
    principal: Officer,
    session: SessionDep,
    background: BackgroundTasks,
    audit: Annotated[AuditContext, Depends(audited("application.eligibility_retry"))],
) -> ApplicationOut:
    application = await service.retry_eligibility_now(session, principal, application_id)
    background.add_task(run_check, EligibilityDeps.from_app(request.app), application.id)
    return service.to_out(application)


@router.post(
    "/v1/applications/{application_id}/withdraw",
    response_model=ApplicationOut,
    summary="Withdraw an application (the applicant)",
    description="Possible until signing; an approved amount stops being committed.",
    responses=responses(*TRANSITION_ERRORS),
)
async def withdraw_application(
    application_id: UUID,
    data: Note,
    principal: Applicant,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.withdraw"))],
) -> ApplicationOut:
    return service.to_out(await service.withdraw(session, principal, application_id, data.note))


@router.post(
    "/v1/applications/{application_id}/assessments",
    response_model=AssessmentOut,
    status_code=201,
    summary="Record a credit assessment (fund officer)",
    description=(
        "Computes repayment capacity, the largest installment against monthly surplus, debt "
        "to equity and the amount against the equity multiple from the eligibility snapshot's "
        "latest financials and the requested terms at today's tariff; each figure carries its "
        "inputs and formula. The officer's recommendation is stored with them. The officer "
        "becomes a reviewer of the application (four eyes: a reviewer cannot approve)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, NoTariff),
)
async def assess_application(
    application_id: UUID,
    data: AssessmentCreate,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.assess"))],
) -> AssessmentOut:
    assessment = await review.assess(session, principal, application_id, data)
    return AssessmentOut.model_validate(assessment)


@router.get(
    "/v1/applications/{application_id}/assessments",
    response_model=Page[AssessmentOut],
    summary="Credit assessments of an application, oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_assessments(
    application_id: UUID, principal: Reader, session: SessionDep, page: PageDep
) -> Page[AssessmentOut]:
    application = await service.load(session, principal, application_id)
    rows, cursor = await ApplicationRepository(session).assessments_page(application.id, page)
    items = [AssessmentOut.model_validate(a) for a in rows]
    return Page[AssessmentOut](items=items, next_cursor=cursor)


async def _step(
    session: SessionDep, principal: Principal, application_id: UUID, action: Action, note: Note
) -> ApplicationOut:
    return service.to_out(
        await review.review_step(session, principal, application_id, action, note.note)
    )


@router.post(
    "/v1/applications/{application_id}/field-survey",
    response_model=ApplicationOut,
    summary="Desk review done: start the on-the-spot survey (fund officer)",
    responses=responses(*TRANSITION_ERRORS),
)
async def start_field_survey(
    application_id: UUID,
    data: Note,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.start_field_survey"))],
) -> ApplicationOut:
    return await _step(session, principal, application_id, Action.start_field_survey, data)


@router.post(
    "/v1/applications/{application_id}/risk-review",
    response_model=ApplicationOut,
    summary="Survey done: start the risk review (fund officer)",
    responses=responses(*TRANSITION_ERRORS),
)
async def start_risk_review(
    application_id: UUID,
    data: Note,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.start_risk_review"))],
) -> ApplicationOut:
    return await _step(session, principal, application_id, Action.start_risk_review, data)


@router.post(
    "/v1/applications/{application_id}/committee-referral",
    response_model=ApplicationOut,
    summary="Refer to the committee (fund officer; needs a credit assessment)",
    responses=responses(*TRANSITION_ERRORS, BusinessRuleViolation),
)
async def refer_to_committee(
    application_id: UUID,
    data: Note,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.refer_to_committee"))],
) -> ApplicationOut:
    return await _step(session, principal, application_id, Action.refer_to_committee, data)


@router.post(
    "/v1/applications/{application_id}/reject",
    response_model=ApplicationOut,
    summary="Reject (fund officer during review, fund committee in committee)",
    responses=responses(*TRANSITION_ERRORS),
)
async def reject_application(
    application_id: UUID,
    data: Rejection,
    principal: Decider,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.reject"))],
) -> ApplicationOut:
    return service.to_out(await review.reject(session, principal, application_id, data.reason))


@router.post(
    "/v1/applications/{application_id}/approve",
    response_model=ApplicationOut,
    summary="Approve (fund committee; four eyes)",
    description=(
        "The approver must not have reviewed the application. The committee may reduce the "
        "amount or change tenor and grace within the product; the reason is recorded. The rate "
        "is the product's tariff in force today. The amount is committed against the fund: "
        "approvals that would commit more than the fund's cash are refused with 409 "
        "`insufficient-fund-cash`, also when several are decided at once."
    ),
    responses=responses(*TRANSITION_ERRORS, FourEyesViolation, InsufficientFundCash, NoTariff),
)
async def approve_application(
    application_id: UUID,
    data: Approval,
    principal: Committee,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.approve"))],
) -> ApplicationOut:
    return service.to_out(await review.approve(session, principal, application_id, data))


@router.post(
    "/v1/applications/{application_id}/sign",
    response_model=LoanOut,
    status_code=201,
    summary="Sign the akad (the cooperative, or fund staff recording the signed paper)",
    description=(
        "The first signature fixes the terms and opens the loan, pending disbursement; the "
        "signature is kept with the SHA-256 of the terms signed (`GET .../agreement`), and "
        "the other party countersigns the same hash at `.../agreement/signatures`. Give "
        "`terms_hash` to be sure the terms signed are the terms on record (409 "
        "`terms-changed` otherwise)."
    ),
    responses=responses(*TRANSITION_ERRORS, Conflict),
)
async def sign_application(
    application_id: UUID,
    data: Signing,
    principal: Signer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.sign"))],
    response: Response,
) -> LoanOut:
    loan = await papers.sign(session, principal, application_id, data)
    response.headers["Location"] = f"/v1/loans/{loan.id}"
    return LoanOut.model_validate(loan)


@router.get(
    "/v1/applications/{application_id}/eligibility",
    response_model=Page[EligibilityOut],
    summary="Eligibility checks, oldest first: every rule's outcome and reason",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_eligibility(
    application_id: UUID, principal: Reader, session: SessionDep, page: PageDep
) -> Page[EligibilityOut]:
    application = await service.load(session, principal, application_id)
    rows, cursor = await ApplicationRepository(session).eligibility_checks(application.id, page)
    return Page[EligibilityOut](items=[EligibilityOut.of(c) for c in rows], next_cursor=cursor)


@router.get(
    "/v1/applications/{application_id}/history",
    response_model=Page[ApplicationEventOut],
    summary="Every state change and review step, oldest first: who, when, why",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def application_history(
    application_id: UUID, principal: Reader, session: SessionDep, page: PageDep
) -> Page[ApplicationEventOut]:
    application = await service.load(session, principal, application_id)
    rows, cursor = await ApplicationRepository(session).events_page(application.id, page)
    items = [ApplicationEventOut.model_validate(e) for e in rows]
    return Page[ApplicationEventOut](items=items, next_cursor=cursor)


@router.get(
    "/v1/applications/{application_id}/schedule",
    response_model=SchedulePreviewOut,
    summary="Schedule of the approved (or requested) terms",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem, NoTariff),
)
async def application_schedule(
    application_id: UUID,
    principal: Reader,
    session: SessionDep,
    start_date: BoundedDate | None = None,
    first_due_date: BoundedDate | None = None,
) -> SchedulePreviewOut:
    out: SchedulePreviewOut = await service.schedule(
        session, principal, application_id, start_date, first_due_date
    )
    return out


@router.get(
    "/v1/applications/{application_id}/schedule.csv",
    summary="Schedule of the approved (or requested) terms, as CSV",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per installment and a total"},
        **responses(*AUTH_ERRORS, NotFound, ValidationProblem, NoTariff),
    },
)
async def application_schedule_csv(
    application_id: UUID,
    principal: Reader,
    session: SessionDep,
    start_date: BoundedDate | None = None,
    first_due_date: BoundedDate | None = None,
) -> Response:
    out = await service.schedule(session, principal, application_id, start_date, first_due_date)
    return csv_response(schedule_csv(out), f"schedule-{application_id}.csv")


@router.post(
    DOCUMENT_UPLOAD_PATH,
    response_model=DocumentOut,
    status_code=201,
    summary="Attach a document (multipart: kind, checksum_sha256, file)",
    description=(
        "The SHA-256 of the file must equal `checksum_sha256` (hex), else 422 "
        "`checksum-mismatch` and nothing is stored. The file must be PDF, PNG or JPEG, judged "
        "from its first bytes (never its name or declared type), else 415; it is kept and "
        "served as that type, its name ending in that type's extension. Documents can hold "
        "personal data: they are encrypted at rest, served only to the applicant and the "
        "fund's staff, and never logged."
    ),
    responses=responses(
        *AUTH_ERRORS,
        NotFound,
        Conflict,
        ChecksumMismatch,
        PayloadTooLarge,
        UnsupportedMediaType,
        ValidationProblem,
    ),
)
async def upload_document(
    application_id: UUID,
    request: Request,
    principal: Uploader,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.document_add"))],
    kind: Annotated[DocumentKind, Form()],
    checksum_sha256: Annotated[str, Form(pattern=r"^[0-9a-fA-F]{64}$")],
    file: Annotated[UploadFile, File()],
) -> DocumentOut:
    settings = request.app.state.settings
    data = await file.read(settings.max_document_bytes + 1)
    audit.extra = {"kind": kind.value, "size_bytes": len(data), "checksum_sha256": checksum_sha256}
    document = await documents.add_document(
        session,
        principal,
        application_id,
        kind=kind,
        file_name=file.filename,
        checksum_sha256=checksum_sha256,
        data=data,
        vault=request.app.state.document_vault,
        max_bytes=settings.max_document_bytes,
    )
    audit.extra["document_id"] = str(document.id)
    return DocumentOut.model_validate(document)


@router.get(
    "/v1/applications/{application_id}/documents",
    response_model=Page[DocumentOut],
    summary="Documents of an application, oldest first (applicant and fund staff)",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_documents(
    application_id: UUID, principal: DocumentReader, session: SessionDep, page: PageDep
) -> Page[DocumentOut]:
    rows, cursor = await documents.list_documents(session, principal, application_id, page)
    return Page[DocumentOut](
        items=[DocumentOut.model_validate(d) for d in rows], next_cursor=cursor
    )


@router.get(
    "/v1/applications/{application_id}/documents/{document_id}/content",
    summary="Download a document (applicant and fund staff)",
    response_class=Response,
    responses={
        200: {
            "content": {t: {} for t in ALLOWED_MEDIA_TYPES},
            "description": "The file, as an attachment of its checked type",
        },
        **responses(*AUTH_ERRORS, NotFound),
    },
)
async def download_document(
    application_id: UUID,
    document_id: UUID,
    request: Request,
    principal: DocumentReader,
    session: SessionDep,
) -> Response:
    document, data = await documents.read_document(
        session, principal, application_id, document_id, request.app.state.document_vault
    )
    # Only a checked type is ever named (rows from before the allow-list may hold any type).
    media_type = (
        document.content_type
        if document.content_type in ALLOWED_MEDIA_TYPES
        else "application/octet-stream"
    )
    return Response(
        data,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="{document.file_name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
            "Digest": f"sha-256={document.checksum_sha256}",
        },
    )
