"""An application's documents: added while it is being prepared or reviewed, stored outside the
database with their checksum, read by the applicant and fund staff."""

from __future__ import annotations

import hashlib
import re
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Document
from financing.applications.repository import ApplicationRepository
from financing.applications.schemas import DocumentKind
from financing.applications.service import load, may_act_as_applicant, may_see_documents
from financing.applications.states import DOCUMENT_STATES
from financing.document_requests.service import fulfil_requests
from financing.documents.content import sniff, with_extension
from financing.documents.vault import DocumentVault
from financing.errors import ChecksumMismatch
from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, Forbidden, NotFound, PayloadTooLarge, ValidationProblem
from kopmod_shared.pagination import PageParams, Slice

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
    await fulfil_requests(session, application, document, actor=principal.actor)
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


async def list_documents(
    session: AsyncSession, principal: Principal, application_id: UUID, page: PageParams
) -> Slice[Document]:
    application = await load(session, principal, application_id)
    if not may_see_documents(principal, application):
        raise NotFound(f"no documents for application {application_id}")
    return await ApplicationRepository(session).documents_page(application.id, page)


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
