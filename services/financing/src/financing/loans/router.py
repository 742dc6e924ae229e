"""Loans over HTTP: the list, one loan, its position, schedule and statement (JSON or CSV)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal
from uuid import UUID

from fastapi import Depends, Query, Request, Response

from financing.applications.schemas import LoanOut as SignedLoanOut
from financing.arrears.service import business_date
from financing.loans import service
from financing.loans.dependencies import Reader, RepoDep
from financing.loans.models import Loan, LoanAccount
from financing.loans.responses import position_out, successor_of, transaction_out
from financing.loans.schemas import (
    LoanAccountOut,
    LoanPositionOut,
    ScheduleOut,
    ScheduleRowOut,
    StatementOut,
    StatementRowOut,
)
from financing.loans.states import LoanState
from financing.replay.engine import ZERO, Component, TxKind
from kopmod_shared.app import KopmodRouter
from kopmod_shared.csvexport import csv_response, write_csv
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageParams, cursor_time_id, make_page, page_params

router = KopmodRouter(tags=["servicing"])


def _wants_csv(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "csv"
    return "text/csv" in request.headers.get("accept", "")


def _csv(rows: list[dict[str, Any]], filename: str) -> Response:
    return csv_response(write_csv(list(rows[0]), rows) if rows else "", filename)


FormatQuery = Annotated[
    Literal["json", "csv"] | None,
    Query(alias="format", description="`csv` for a spreadsheet; JSON by default."),
]

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}}
}


def _loan_out(loan: Loan, account: LoanAccount | None, successor_id: UUID | None) -> LoanAccountOut:
    terms = SignedLoanOut.model_validate(loan).model_dump()
    return LoanAccountOut(
        **terms,
        principal_outstanding=account.principal_outstanding if account else ZERO,
        days_past_due=account.days_past_due if account else 0,
        collectibility=account.collectibility if account else 1,
        closed_on=account.closed_on if account else None,
        rescheduled_from_id=loan.rescheduled_from_id,
        rescheduled_to_id=successor_id,
    )


@router.get(
    "/v1/loans",
    response_model=Page[LoanAccountOut],
    summary="List loans, newest first (cooperatives: their own)",
    description=(
        "Filter by `fund_id`, `status` (pending_disbursement, active, overpaid, "
        "closed_obligations_met, closed_written_off, closed_rescheduled) and, for fund staff, "
        "`cooperative_id`. Balances and collectibility are those of the last command or end of "
        "day on each loan."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_loans(
    principal: Reader,
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
    fund_id: UUID | None = None,
    cooperative_id: UUID | None = None,
    status: LoanState | None = None,
) -> Page[LoanAccountOut]:
    rows = await service.page_of_loans(
        repo,
        principal,
        limit=page.limit,
        after=cursor_time_id(page),
        fund_id=fund_id,
        cooperative_id=cooperative_id,
        status=status,
    )
    items, cursor = make_page(rows, page.limit, lambda r: (r[0].created_at, r[0].id))
    successors = await service.successors_of(repo, [loan for loan, _ in items])
    return Page[LoanAccountOut](
        items=[_loan_out(loan, account, successors.get(loan.id)) for loan, account in items],
        next_cursor=cursor,
    )


@router.get(
    "/v1/loans/{loan_id}",
    response_model=LoanAccountOut,
    summary="A loan: its signed terms and where it stands",
    description="Cooperatives see only their own loans (404 for others).",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_loan(loan_id: UUID, principal: Reader, repo: RepoDep) -> LoanAccountOut:
    book = await service.readable_book(repo, loan_id, principal)
    return _loan_out(book.loan, await repo.account(loan_id), await successor_of(repo, book))


@router.get(
    "/v1/loans/{loan_id}/position",
    response_model=LoanPositionOut,
    summary="A loan's balances, arrears and OJK collectibility on the business date",
    description="Cooperatives see only their own loans (404 for others).",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def loan_position(loan_id: UUID, principal: Reader, repo: RepoDep) -> LoanPositionOut:
    book = await service.readable_book(repo, loan_id, principal)
    today = await business_date(repo.session, book.loan.fund_id)
    return position_out(book, book.replay(), today, await successor_of(repo, book))


def _row_status(row: Any, today: date) -> str:
    if row.written_off:
        return "written_off"
    if row.rescheduled:
        return "rescheduled"
    if row.unpaid_total == 0:
        return "paid"
    if row.due_date < today:
        return "overdue"
    return "partly_paid" if row.total_paid > 0 else "due"


@router.get(
    "/v1/loans/{loan_id}/schedule",
    response_model=ScheduleOut,
    summary="The loan's schedule with paid and unpaid amounts (JSON or CSV)",
    description="Paid amounts are derived by replaying every transaction. `?format=csv`.",
    responses={**responses(*AUTH_ERRORS, NotFound), **CSV_RESPONSE},
)
async def loan_schedule(
    loan_id: UUID, principal: Reader, repo: RepoDep, request: Request, fmt: FormatQuery = None
) -> Any:
    book = await service.readable_book(repo, loan_id, principal)
    today = await business_date(repo.session, book.loan.fund_id)
    position = book.replay()
    rows = [
        ScheduleRowOut(
            number=i.number,
            due_date=i.due_date,
            principal=i.principal,
            interest=i.interest,
            penalty=i.penalty,
            fee=i.fee,
            principal_paid=i.principal_paid,
            interest_paid=i.interest_paid,
            penalty_paid=i.penalty_paid,
            fee_paid=i.fee_paid,
            interest_waived=i.interest_waived,
            unpaid=i.unpaid_total,
            paid_on=i.paid_on,
            status=_row_status(i, today),
            opening_arrears=i.carried,
        )
        for i in position.installments
    ]
    if _wants_csv(request, fmt):
        return _csv([r.model_dump(mode="json") for r in rows], f"loan-{loan_id}-schedule.csv")
    return ScheduleOut(
        loan_id=loan_id,
        as_of=today,
        rows=rows,
        total_principal=sum((i.principal for i in position.installments), ZERO),
        total_interest=sum((i.interest for i in position.installments), ZERO),
    )


@router.get(
    "/v1/loans/{loan_id}/statement",
    response_model=StatementOut,
    summary="The loan's statement: every transaction with its allocation (JSON or CSV)",
    description=(
        "In value-date order, reversed ones included (flagged), each with where its money went "
        "and the principal outstanding after it. `?format=csv`. A loan closed by a reschedule "
        "ends with its `reschedule` row (principal outstanding 0) and `position."
        "rescheduled_to_id` names the successor, whose statement opens with a `rescheduled_in` "
        "row and names this loan in `position.rescheduled_from_id`."
    ),
    responses={**responses(*AUTH_ERRORS, NotFound), **CSV_RESPONSE},
)
async def loan_statement(
    loan_id: UUID, principal: Reader, repo: RepoDep, request: Request, fmt: FormatQuery = None
) -> Any:
    book = await service.readable_book(repo, loan_id, principal)
    today = await business_date(repo.session, book.loan.fund_id)
    position = book.replay()
    rows: list[StatementRowOut] = []
    outstanding = ZERO
    for record in sorted(book.records, key=lambda r: (r.value_date, r.seq)):
        alloc = position.allocations.get(record.id)
        after: Decimal | None = None
        if record.reversed_at is None and alloc is not None:
            if record.kind in (TxKind.disbursement.value, TxKind.rescheduled_in.value):
                outstanding += record.amount
            elif record.kind == TxKind.reschedule.value:
                outstanding = ZERO  # moved to the successor loan
            outstanding -= alloc.principal + alloc.written_off_principal
            after = outstanding
        rows.append(
            StatementRowOut(
                transaction=transaction_out(record, position), principal_outstanding_after=after
            )
        )
    if _wants_csv(request, fmt):
        flat = []
        for row in rows:
            tx = row.transaction
            alloc_out = tx.allocation
            flat.append(
                {
                    "value_date": tx.value_date.isoformat(),
                    "kind": tx.kind,
                    "amount": format(tx.amount, "f"),
                    "external_reference": tx.external_reference,
                    "reversed": tx.reversed,
                    **{
                        c.value: format(getattr(alloc_out, c.value), "f") if alloc_out else ""
                        for c in Component
                    },
                    **{
                        name: format(getattr(alloc_out, name), "f") if alloc_out else ""
                        for name in (
                            "overpayment",
                            "interest_waived",
                            "written_off_principal",
                            "recovered",
                        )
                    },
                    "principal_outstanding_after": (
                        format(row.principal_outstanding_after, "f")
                        if row.principal_outstanding_after is not None
                        else ""
                    ),
                    "transaction_id": str(tx.id),
                    "charge_kind": tx.charge_kind,
                    "note": tx.note,
                }
            )
        return _csv(flat, f"loan-{loan_id}-statement.csv")
    return StatementOut(
        loan_id=loan_id,
        as_of=today,
        rows=rows,
        position=position_out(book, position, today, await successor_of(repo, book)),
    )
