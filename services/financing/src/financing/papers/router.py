"""The akad and the loan statement over HTTP: terms with their hash, the PDFs, signatures, and
checking a paper copy by the hash printed on it."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Path, Response

from financing.applications.router import Reader, Signer
from financing.audit.service import AuditContext, audited
from financing.loans.dependencies import Reader as LoanReader
from financing.loans.dependencies import RepoDep
from financing.papers import service
from financing.papers.schemas import HASH_PATTERN, AgreementOut, Countersignature, SignatureOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses

router = KopmodRouter(tags=["papers"])

PDF_RESPONSE = {200: {"content": {"application/pdf": {}}, "description": "The PDF"}}


def _out(agreement: service.Agreement) -> AgreementOut:
    return AgreementOut(
        application_id=agreement.application_id,
        status=agreement.status,
        terms_hash=agreement.terms_hash,
        terms=agreement.terms,
        signatures=[SignatureOut.model_validate(s) for s in agreement.signatures],
    )


def _pdf(data: bytes, filename: str) -> Response:
    return Response(
        data,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="{filename}"',
            "Cache-Control": "no-store",
        },
    )


@router.get(
    "/v1/applications/{application_id}/agreement",
    response_model=AgreementOut,
    summary="The akad's terms and the SHA-256 of their canonical form",
    description=(
        "Once approved: the terms the approval offers (`status: offer`); once signed: the "
        "terms as first signed (`status: signed`) and every signature. `terms_hash` is the "
        "SHA-256 (hex) of `terms` as canonical JSON (keys sorted, no spaces, UTF-8), printed on "
        "the PDF. Before approval: 409."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict),
)
async def get_agreement(
    application_id: UUID, principal: Reader, session: SessionDep
) -> AgreementOut:
    return _out(await service.agreement(session, principal, application_id))


@router.get(
    "/v1/applications/{application_id}/agreement.pdf",
    summary="The akad as a PDF in Bahasa Indonesia, with its schedule and hash",
    response_class=Response,
    responses={**PDF_RESPONSE, **responses(*AUTH_ERRORS, NotFound, Conflict)},
)
async def get_agreement_pdf(
    application_id: UUID, principal: Reader, session: SessionDep
) -> Response:
    agreement = await service.agreement(session, principal, application_id)
    return _pdf(service.agreement_document(agreement), f"akad-{application_id}.pdf")


@router.post(
    "/v1/applications/{application_id}/agreement/signatures",
    response_model=SignatureOut,
    status_code=201,
    summary="Countersign the akad (the party that has not signed yet)",
    description=(
        "After the first signature (`/sign`), the other party (the cooperative, or fund staff "
        "for the fund) signs the same terms: `terms_hash` must be the signed terms' (409 "
        "`terms-changed`); a party signs once (409)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def countersign(
    application_id: UUID,
    data: Countersignature,
    principal: Signer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("application.countersign"))],
) -> SignatureOut:
    signature = await service.countersign(session, principal, application_id, data.terms_hash)
    return SignatureOut.model_validate(signature)


@router.get(
    "/v1/agreements/{terms_hash}",
    response_model=AgreementOut,
    summary="Check a paper akad: the signed terms its printed hash names",
    description=(
        "404 when no signed akad carries that hash (or it is not the caller's to see): the "
        "paper does not match what was signed on the platform."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def check_agreement(
    terms_hash: Annotated[str, Path(pattern=HASH_PATTERN)], principal: Reader, session: SessionDep
) -> AgreementOut:
    return _out(await service.by_hash(session, principal, terms_hash))


@router.get(
    "/v1/loans/{loan_id}/statement.pdf",
    summary="The loan's statement as a PDF in Bahasa Indonesia",
    response_class=Response,
    responses={**PDF_RESPONSE, **responses(*AUTH_ERRORS, NotFound)},
)
async def loan_statement_pdf(loan_id: UUID, principal: LoanReader, repo: RepoDep) -> Response:
    data = await service.statement_document(repo, principal, loan_id)
    return _pdf(data, f"rekening-koran-{loan_id}.pdf")
