"""Documents the fund asked for, over HTTP: a fund officer asks, the applicant and the fund's
staff read (on the application, or across a cooperative's applications)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Response

from financing.audit.service import AuditContext, audited
from financing.document_requests import service
from financing.document_requests.models import RequestStatus
from financing.document_requests.schemas import DocumentRequestCreate, DocumentRequestOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep

router = KopmodRouter(tags=["applications"])

Officer = Annotated[Principal, Depends(require_roles(Role.fund_officer))]
Reader = Annotated[
    Principal,
    Depends(require_roles(Role.cooperative, Role.fund_officer, Role.fund_committee)),
]
StatusFilter = Annotated[
    RequestStatus | None, Query(description="Only `open` or only `fulfilled` requests.")
]


@router.post(
    "/v1/applications/{application_id}/document-requests",
    response_model=DocumentRequestOut,
    status_code=201,
    summary="Ask the applicant for a document (fund officer)",
    description=(
        "Asks the application's cooperative for a document of `kind`, with a note saying what "
        "is needed and the day it is due (today or later, else 422 `due_date_past`). Only while "
        "documents may be attached (draft to risk review; else 409). The request is open until "
        "the applicant attaches a document of that kind (`POST .../documents`), which fulfils "
        "every open request of that kind on the application. Publishes "
        "`financing.application.document_requested`; the fulfilment publishes "
        "`financing.application.document_request_fulfilled`."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def request_document(
    application_id: UUID,
    data: DocumentRequestCreate,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.document_request"))],
    response: Response,
) -> DocumentRequestOut:
    out = await service.request_document(session, principal, application_id, data)
    audit.target_id = application_id
    audit.extra = {"request_id": str(out.id), "kind": out.kind.value}
    response.headers["Location"] = f"/v1/applications/{application_id}/document-requests"
    return out


@router.get(
    "/v1/applications/{application_id}/document-requests",
    response_model=Page[DocumentRequestOut],
    summary="Documents the fund asked for on an application, oldest first",
    description="The applicant and the fund's staff; anyone else gets 404.",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_application_document_requests(
    application_id: UUID,
    principal: Reader,
    session: SessionDep,
    page: PageDep,
    status: StatusFilter = None,
) -> Page[DocumentRequestOut]:
    items, cursor = await service.requests_of_application(
        session, principal, application_id, page, status
    )
    return Page[DocumentRequestOut](items=items, next_cursor=cursor)


@router.get(
    "/v1/document-requests",
    response_model=Page[DocumentRequestOut],
    summary="Documents the fund asked for, across applications, oldest first",
    description=(
        "A cooperative reads the requests on its own applications (naming another cooperative "
        "in `cooperative_id` is 404); fund staff read every cooperative's, or one's with "
        "`cooperative_id`. `status=open`: what is still to send."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_document_requests(
    principal: Reader,
    session: SessionDep,
    page: PageDep,
    status: StatusFilter = None,
    cooperative_id: Annotated[UUID | None, Query(description="One cooperative's.")] = None,
) -> Page[DocumentRequestOut]:
    items, cursor = await service.requests_of_cooperative(
        session, principal, page, cooperative_id=cooperative_id, status=status
    )
    return Page[DocumentRequestOut](items=items, next_cursor=cursor)
