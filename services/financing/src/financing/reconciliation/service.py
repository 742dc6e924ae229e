"""Repayments from a bank statement. Upload: each line is read and matched to a loan of the
fund by the loan number it names, and told apart as matched, already booked (the loan has a
transaction with the line's reference), not matched or invalid; nothing is booked. Commit:
each matched line is booked as a repayment with the bank's reference as its external
reference, so the same file uploaded and committed twice books nothing twice; a line the loan
refuses (not active, dated after the business date) fails alone and the rest are booked."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.ledger.funds import get_fund
from financing.loans.models import LoanStatus
from financing.loans.repository import LoanRepository
from financing.reconciliation.models import BankStatementImport, BankStatementLine
from financing.reconciliation.parsing import StatementFileError, parse_statement
from financing.reconciliation.repository import StatementRepository
from financing.repayments.service import receive
from financing.replay.engine import TxKind
from kopmod_shared.errors import Conflict, NotFound, ProblemError, ValidationProblem

PAYABLE = {LoanStatus.active.value, LoanStatus.overpaid.value}


@dataclass(frozen=True)
class StatementImport:
    record: BankStatementImport
    lines: list[BankStatementLine]


async def upload(
    session: AsyncSession, fund_id: UUID, *, file_name: str, data: bytes, actor: str
) -> StatementImport:
    await get_fund(session, fund_id)
    try:
        parsed = parse_statement(data)
    except StatementFileError as exc:
        raise ValidationProblem.for_field("body.file", str(exc), "unreadable_statement") from exc
    repo = StatementRepository(session)
    loans = await repo.loan_funds([p.loan_id for p in parsed if p.loan_id is not None])
    booked = await repo.booked(
        [(p.loan_id, p.reference) for p in parsed if p.loan_id is not None and p.reference]
    )
    record = BankStatementImport(
        fund_id=fund_id,
        file_name=file_name[:255],
        checksum_sha256=hashlib.sha256(data).hexdigest(),
        status="previewed",
        uploaded_by=actor,
    )
    await repo.add_all([record])
    seen: set[tuple[UUID | None, str | None]] = set()
    lines: list[BankStatementLine] = []
    for p in parsed:
        preview, detail = "matched", None
        loan = loans.get(p.loan_id) if p.loan_id is not None else None
        if p.error is not None:
            preview, detail = "invalid", p.error
        elif p.loan_id is None:
            preview, detail = "not_matched", "names no loan number"
        elif loan is None or loan[0] != fund_id:
            preview, detail = "not_matched", f"no loan {p.loan_id} in this fund"
        elif (p.loan_id, p.reference) in seen:
            preview, detail = "duplicate_in_file", "the same reference appears earlier in the file"
        elif (p.loan_id, p.reference) in booked:
            preview, detail = "already_booked", "this reference is booked on the loan already"
        elif loan[1] not in PAYABLE:
            preview, detail = "not_matched", f"the loan is {loan[1]}: it takes no repayment"
        seen.add((p.loan_id, p.reference))
        lines.append(
            BankStatementLine(
                import_id=record.id,
                line_no=p.line_no,
                value_date=p.value_date,
                amount=p.amount,
                reference=p.reference,
                description=p.description,
                loan_id=p.loan_id if loan is not None and loan[0] == fund_id else None,
                preview=preview,
                detail=detail,
            )
        )
    await repo.add_all(lines)
    return StatementImport(record, lines)


async def read(session: AsyncSession, import_id: UUID) -> StatementImport:
    repo = StatementRepository(session)
    record = await repo.get(import_id)
    if record is None:
        raise NotFound(f"no bank statement {import_id}")
    return StatementImport(record, await repo.lines(import_id))


async def commit(session: AsyncSession, import_id: UUID, *, actor: str) -> StatementImport:
    repo = StatementRepository(session)
    record = await repo.get(import_id, for_update=True)
    if record is None:
        raise NotFound(f"no bank statement {import_id}")
    if record.status == "committed":
        raise Conflict(f"bank statement {import_id} was committed on {record.committed_at}")
    lines = await repo.lines(import_id)
    loans = LoanRepository(session)
    for line in lines:
        if line.preview != "matched":
            line.result = "already_booked" if line.preview == "already_booked" else "skipped"
            continue
        assert line.loan_id and line.amount and line.reference and line.value_date
        try:
            async with session.begin_nested():
                _, tx, _, replayed = await receive(
                    session,
                    loans,
                    line.loan_id,
                    kind=TxKind.repayment,
                    amount=line.amount,
                    reference=line.reference,
                    value_date=line.value_date,
                    actor=actor,
                )
        except ProblemError as exc:
            line.result, line.detail = "failed", exc.detail or exc.title
            continue
        line.result = "already_booked" if replayed else "booked"
        line.transaction_id = tx.id
    record.status = "committed"
    record.committed_by = actor
    record.committed_at = datetime.now(UTC)
    await session.flush()
    return StatementImport(record, lines)
