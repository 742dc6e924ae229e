"""Every query on document requests: one application's, a cooperative's across its
applications, and the open ones an upload fulfils."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.document_requests.models import DocumentRequest, RequestStatus
from kopmod_shared.pagination import PageParams, Slice, fetch_page, keyset, make_page


class DocumentRequestRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, request: DocumentRequest) -> DocumentRequest:
        self.session.add(request)
        await self.session.flush()
        return request

    async def open_of_kind(self, application_id: UUID, kind: str) -> list[DocumentRequest]:
        """The open requests an upload of ``kind`` fulfils, locked (two uploads at once fulfil
        each request once)."""
        stmt = (
            select(DocumentRequest)
            .where(
                DocumentRequest.application_id == application_id,
                DocumentRequest.kind == kind,
                DocumentRequest.status == RequestStatus.open.value,
            )
            .order_by(DocumentRequest.id)
            .with_for_update()
        )
        return list((await self.session.scalars(stmt)).all())

    async def page_of_application(
        self, application_id: UUID, page: PageParams, status: RequestStatus | None
    ) -> Slice[DocumentRequest]:
        stmt = select(DocumentRequest).where(DocumentRequest.application_id == application_id)
        if status is not None:
            stmt = stmt.where(DocumentRequest.status == status.value)
        return await fetch_page(self.session, stmt, page, DocumentRequest.id)

    async def page_with_cooperative(
        self, page: PageParams, *, cooperative_id: UUID | None, status: RequestStatus | None
    ) -> tuple[list[tuple[DocumentRequest, UUID]], str | None]:
        """Requests with their application's cooperative, oldest first; ``cooperative_id``
        None: every cooperative's (fund staff)."""
        stmt: Any = select(DocumentRequest, Application.cooperative_id).join(
            Application, Application.id == DocumentRequest.application_id
        )
        if cooperative_id is not None:
            stmt = stmt.where(Application.cooperative_id == cooperative_id)
        if status is not None:
            stmt = stmt.where(DocumentRequest.status == status.value)
        rows = (await self.session.execute(keyset(stmt, page, DocumentRequest.id))).all()
        return make_page([(r, c) for r, c in rows], page.limit, lambda row: [row[0].id])
