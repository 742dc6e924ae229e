"""Documents the fund asked for: a fund officer asks an applicant for a kind of document (with
a note and a due date) while documents may still be attached; the applicant and the fund's
staff read them; attaching a document of that kind fulfils every open request for it. Each
request and each fulfilment is an event in the same transaction. No SQL here."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application, Document
from financing.applications.service import is_staff, load, may_see_documents
from financing.applications.states import DOCUMENT_STATES
from financing.applications.transitions import emit_event, event_fields
from financing.document_requests.models import DocumentRequest, RequestStatus
from financing.document_requests.repository import DocumentRequestRepository
from financing.document_requests.schemas import DocumentRequestCreate, DocumentRequestOut
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, NotFound, ValidationProblem
from kopmod_shared.events import EventType
from kopmod_shared.pagination import PageParams
from kopmod_shared.schemas.financing import DocumentRequested, DocumentRequestFulfilled


def to_out(request: DocumentRequest, cooperative_id: UUID) -> DocumentRequestOut:
    fields = {
        c: getattr(request, c) for c in DocumentRequestOut.model_fields if c != "cooperative_id"
    }
    return DocumentRequestOut.model_validate({**fields, "cooperative_id": cooperative_id})


async def request_document(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    data: DocumentRequestCreate,
    *,
    today: date | None = None,
) -> DocumentRequestOut:
    if principal.role is not Role.fund_officer:
        raise Forbidden("documents are asked for by a fund officer")
    application = await load(session, principal, application_id, for_update=True)
    if application.status not in DOCUMENT_STATES:
        raise Conflict(
            f"no document can be attached while {application.status}, so none can be asked for",
            current_state=application.status,
        )
    if data.due_on < (today or datetime.now(UTC).date()):
        raise ValidationProblem.for_field(
            "body.due_on", "the due date is in the past", "due_date_past"
        )
    request = await DocumentRequestRepository(session).add(
        DocumentRequest(
            application_id=application.id,
            kind=data.kind.value,
            note=data.note.strip(),
            due_on=data.due_on,
            status=RequestStatus.open.value,
            requested_by=principal.actor,
        )
    )
    await emit_event(
        session,
        EventType.DOCUMENT_REQUESTED,
        application,
        DocumentRequested(
            **event_fields(application),
            request_id=request.id,
            kind=request.kind,
            due_on=request.due_on,
        ),
    )
    await session.refresh(request, ["requested_at"])
    return to_out(request, application.cooperative_id)


async def fulfil_requests(
    session: AsyncSession, application: Application, document: Document, *, actor: str
) -> list[DocumentRequest]:
    """Every open request of the document's kind on its application is fulfilled by it (in the
    upload's transaction), each with its event."""
    repo = DocumentRequestRepository(session)
    fulfilled = await repo.open_of_kind(application.id, document.kind)
    moment = datetime.now(UTC)
    for request in fulfilled:
        request.status = RequestStatus.fulfilled.value
        request.fulfilled_by_document_id = document.id
        request.fulfilled_at = moment
        await emit_event(
            session,
            EventType.DOCUMENT_REQUEST_FULFILLED,
            application,
            DocumentRequestFulfilled(
                **event_fields(application),
                request_id=request.id,
                kind=request.kind,
                document_id=document.id,
                requested_by=request.requested_by,
            ),
        )
    if fulfilled:
        await session.flush()
    return fulfilled


async def requests_of_application(
    session: AsyncSession,
    principal: Principal,
    application_id: UUID,
    page: PageParams,
    status: RequestStatus | None,
) -> tuple[list[DocumentRequestOut], str | None]:
    application = await load(session, principal, application_id)
    if not may_see_documents(principal, application):
        raise NotFound(f"no application {application_id}")
    rows, cursor = await DocumentRequestRepository(session).page_of_application(
        application.id, page, status
    )
    return [to_out(r, application.cooperative_id) for r in rows], cursor


async def requests_of_cooperative(
    session: AsyncSession,
    principal: Principal,
    page: PageParams,
    *,
    cooperative_id: UUID | None,
    status: RequestStatus | None,
) -> tuple[list[DocumentRequestOut], str | None]:
    """A cooperative reads its own (naming another is a 404, never an empty page that would
    confirm nothing); fund staff read every cooperative's or one's."""
    scope: dict[str, Any] = {}
    if principal.role is Role.cooperative:
        if cooperative_id is not None and cooperative_id != principal.org_id:
            raise NotFound(f"no cooperative {cooperative_id}")
        scope["cooperative_id"] = principal.org_id
    elif is_staff(principal):
        scope["cooperative_id"] = cooperative_id
    else:
        raise Forbidden("document requests are read by the applicant and the fund's staff")
    rows, cursor = await DocumentRequestRepository(session).page_with_cooperative(
        page, status=status, **scope
    )
    return [to_out(r, c) for r, c in rows], cursor
