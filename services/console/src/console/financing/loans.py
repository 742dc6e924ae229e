"""A cooperative's loan: its terms and position, the next installment, the schedule with what
is paid, the statement, a payoff quote for a chosen day, both tables as CSV, and the statement
and the akad as the fund's PDFs (fetched by the console with the person's token)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response

from console.api import Api
from console.errors import PageNotFound
from console.financing.common import STATUS_NAMES, cooperative
from console.forms import problem_errors
from console.i18n import N_
from console.session_deps import api
from console.sessions import Person
from console.web import Form, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
TABLES = ("schedule", "statement")


def next_installment(rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The earliest installment not fully paid."""
    open_rows = [r for r in rows if r["status"] in ("due", "partly_paid", "overdue")]
    return min(open_rows, key=lambda r: r["due_date"]) if open_rows else None


@router.get("/financing/loans/{loan_id}", response_class=HTMLResponse)
async def loan(
    request: Request,
    loan_id: str,
    on: str = "",
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> HTMLResponse:
    account = await api.get("financing", f"/v1/loans/{loan_id}")
    position = await api.get("financing", f"/v1/loans/{loan_id}/position")
    schedule = await api.get("financing", f"/v1/loans/{loan_id}/schedule")
    statement = await api.get("financing", f"/v1/loans/{loan_id}/statement")
    form = Form(values={"on": on})
    quote = None
    if account["status"] in ("active", "overpaid"):
        chosen = None
        if on:
            try:
                chosen = date.fromisoformat(on).isoformat()
            except ValueError:
                form.add("on", N_("Enter a date as year-month-day, for example 2026-12-31."))
        if not form.errors:
            try:
                quote = await api.get("financing", f"/v1/loans/{loan_id}/payoff-quote", on=chosen)
            except ProblemError as exc:
                form.errors = problem_errors(exc, {"on": "on"})
    return render(
        request,
        "financing/loan.html",
        title=N_("Loan"),
        loan=account,
        position=position,
        schedule=schedule,
        statement=statement,
        next_row=next_installment(schedule["rows"]),
        quote=quote,
        form=form,
        status_names=STATUS_NAMES,
    )


@router.get("/financing/loans/{loan_id}/statement.pdf")
async def statement_pdf(
    loan_id: str, person: Person = Depends(cooperative), api: Api = Depends(api)
) -> Response:
    """The statement as the fund prints it (PDF, Bahasa Indonesia), fetched here with the
    person's token and passed on: the browser never holds a token, only this page's cookie."""
    answer = await api.download("financing", f"/v1/loans/{loan_id}/statement.pdf")
    return Response(
        answer.content,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="rekening-pinjaman-{loan_id}.pdf"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/financing/loans/{loan_id}/{table}.csv")
async def csv(
    loan_id: str,
    table: str,
    person: Person = Depends(cooperative),
    api: Api = Depends(api),
) -> Response:
    """The service's CSV, passed on as a download (the person's token, never the browser's)."""
    if table not in TABLES:
        raise PageNotFound
    answer = await api.download("financing", f"/v1/loans/{loan_id}/{table}", format="csv")
    return Response(
        answer.content,
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="loan-{loan_id}-{table}.csv"',
            "Cache-Control": "no-store",
        },
    )
