"""Repayments from a bank statement CSV over HTTP: upload for a preview, then commit."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import Depends, File, Request, UploadFile

from financing.audit.service import AuditContext, audited
from financing.loans.dependencies import Officer, Staff
from financing.reconciliation import service
from financing.reconciliation.schemas import StatementCounts, StatementImportOut, StatementLineOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses

router = KopmodRouter(tags=["servicing"])
MAX_STATEMENT_BYTES = 1_000_000


def _out(found: service.StatementImport) -> StatementImportOut:
    lines = found.lines

    def count(attr: str, value: str) -> int:
        return sum(1 for line in lines if getattr(line, attr) == value)

    record = found.record
    return StatementImportOut(
        id=record.id,
        fund_id=record.fund_id,
        file_name=record.file_name,
        checksum_sha256=record.checksum_sha256,
        status=record.status,
        uploaded_by=record.uploaded_by,
        uploaded_at=record.uploaded_at,
        committed_by=record.committed_by,
        committed_at=record.committed_at,
        counts=StatementCounts(
            matched=count("preview", "matched"),
            already_booked=count("preview", "already_booked"),
            not_matched=count("preview", "not_matched"),
            invalid=count("preview", "invalid"),
            duplicate_in_file=count("preview", "duplicate_in_file"),
            booked=count("result", "booked"),
            failed=count("result", "failed"),
            matched_amount=sum(
                (line.amount or Decimal(0) for line in lines if line.preview == "matched"),
                Decimal(0),
            ),
        ),
        lines=[StatementLineOut.model_validate(line) for line in lines],
    )


@router.post(
    "/v1/funds/{fund_id}/bank-statements",
    response_model=StatementImportOut,
    status_code=201,
    summary="Upload a bank statement CSV: a preview of what would be booked (fund officer)",
    description=(
        "Columns (header row, `,` or `;`): `value_date` (or `tanggal`), `amount` (`jumlah`), "
        "`reference` (`referensi`: the bank's id for the transfer), `description` "
        "(`keterangan`) and optionally `loan_id`. Each line is matched to a loan of this fund "
        "by the loan number (id) it names, and shown as `matched`, `already_booked` (the "
        "loan has a transaction with that reference), `not_matched`, `invalid` or "
        "`duplicate_in_file`. Nothing is booked until `.../commit`; uploading the same file "
        "again after committing it shows every line as already booked."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def upload_statement(
    fund_id: UUID,
    request: Request,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("bank_statement.upload"))],
    file: Annotated[UploadFile, File()],
) -> StatementImportOut:
    data = await file.read(MAX_STATEMENT_BYTES + 1)
    if len(data) > MAX_STATEMENT_BYTES:
        raise ValidationProblem.for_field(
            "body.file", f"a statement file is at most {MAX_STATEMENT_BYTES} bytes", "too_large"
        )
    found = await service.upload(
        session,
        fund_id,
        file_name=file.filename or "statement.csv",
        data=data,
        actor=principal.actor,
    )
    audit.target_id = found.record.id
    return _out(found)


@router.get(
    "/v1/bank-statements/{import_id}",
    response_model=StatementImportOut,
    summary="A bank statement upload: its preview, and after commit what each line did",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_statement(
    import_id: UUID, principal: Staff, session: SessionDep
) -> StatementImportOut:
    return _out(await service.read(session, import_id))


@router.post(
    "/v1/bank-statements/{import_id}/commit",
    response_model=StatementImportOut,
    summary="Book the matched lines of a previewed statement as repayments (fund officer)",
    description=(
        "Each `matched` line becomes a repayment on its loan with the bank's reference as "
        "`external_reference` (`result: booked`); a line whose reference was booked meanwhile "
        "is `already_booked`, one the loan refuses is `failed` with the reason, and the "
        "others are booked. A statement is committed once (409 after)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict),
)
async def commit_statement(
    import_id: UUID,
    principal: Officer,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("bank_statement.commit"))],
) -> StatementImportOut:
    audit.target_id = import_id
    return _out(await service.commit(session, import_id, actor=principal.actor))
