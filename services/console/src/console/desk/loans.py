"""``/desk/loans/{id}``: servicing a loan. Its position and schedule, every transaction; and
disbursing a tranche, recording a repayment, reversing a transaction with a reason, paying it
off (with the quote), recording a promise to pay, proposing a reschedule or a write-off (the
committee decides: ``console.committee.servicing``), and the statement as a PDF."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.datastructures import FormData

from console import i18n
from console.api import Api
from console.desk.staff import OJK_CLASSES, STAFF, STATUS_NAMES, download
from console.errors import PageNotFound
from console.forms import form_with_problem, idempotency_key, verified_form
from console.i18n import N_
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form, redirect, render
from kopmod_shared.errors import ProblemError

router = APIRouter(include_in_schema=False)
Staff = Depends(role_required(*STAFF))
REVERSIBLE = ("repayment", "payoff", "recovery", "fee_charge", "refund")
# What a committee member may do here too (propose; another person decides).
PROPOSALS = ("reschedule", "write-off")


async def loan_view(api: Api, loan_id: str) -> dict[str, Any]:
    base = f"/v1/loans/{loan_id}"
    position = await api.get("financing", f"{base}/position")
    view: dict[str, Any] = {
        "loan": await api.get("financing", base),
        "position": position,
        "schedule": await api.get("financing", f"{base}/schedule"),
        "statement": await api.get("financing", f"{base}/statement"),
        "quote": None,
    }
    view["reversible"] = [
        (
            t["id"],
            " ".join(
                (
                    t["value_date"],
                    t["kind"],
                    i18n.rupiah(t["amount"]),
                    t["external_reference"] or "",
                )
            ),
        )
        for t in (row["transaction"] for row in view["statement"]["rows"])
        if not t["reversed"] and t["kind"] in REVERSIBLE
    ]
    if position["status"] in ("active", "overpaid"):
        view["quote"] = await api.get("financing", f"{base}/payoff-quote")
    return view


def _render(request: Request, view: dict[str, Any], form: Form | None = None) -> HTMLResponse:
    return render(
        request,
        "desk/loan.html",
        title=N_("Loan"),
        status_names=STATUS_NAMES,
        ojk_classes=OJK_CLASSES,
        form=form,
        **view,
    )


@router.get("/desk/loans/{loan_id}", response_class=HTMLResponse)
async def loan(
    request: Request, loan_id: str, person: Person = Staff, api: Api = Depends(api)
) -> HTMLResponse:
    return _render(request, await loan_view(api, loan_id))


def _clean(form: FormData, action: str, *names: str) -> dict[str, str | None]:
    """The action's own fields (each form's fields are named ``<action>_<field>``, so the
    ids on the page are unique)."""
    return {n: (str(form.get(f"{action}_{n}") or "").strip() or None) for n in names}


NAMES = (
    "amount",
    "reference",
    "value_date",
    "reason",
    "transaction_id",
    "promised_on",
    "note",
    "tenor",
    "grace",
)


@router.post("/desk/loans/{loan_id}", response_class=HTMLResponse)
async def act(
    request: Request,
    loan_id: str,
    person: Person = Staff,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    action = str(form.get("action") or "")
    if person.role != "fund_officer" and action not in PROPOSALS:
        raise PageNotFound
    base = f"/v1/loans/{loan_id}"
    key = idempotency_key(person, request, form)
    v = _clean(form, action, *NAMES)
    fields = {n: f"{action}_{n}" for n in NAMES}
    fields["external_reference"] = f"{action}_reference"
    fields["tenor_periods"] = f"{action}_tenor"
    fields["grace_periods"] = f"{action}_grace"
    body: dict[str, Any]
    try:
        if action == "disburse":
            body = {
                "amount": v["amount"],
                "reference": v["reference"],
                "value_date": v["value_date"],
            }
            await api.post("financing", f"{base}/disbursements", body, idempotency_key=key)
        elif action in ("repay", "payoff"):
            body = {
                "amount": v["amount"],
                "external_reference": v["reference"],
                "value_date": v["value_date"],
            }
            path = "repayments" if action == "repay" else "payoff"
            await api.post("financing", f"{base}/{path}", body, idempotency_key=key)
        elif action == "reverse":
            await api.post(
                "financing",
                f"{base}/transactions/{v['transaction_id']}/reversal",
                {"reason": v["reason"] or ""},
                idempotency_key=key,
            )
        elif action == "promise":
            body = {"promised_on": v["promised_on"], "amount": v["amount"], "note": v["note"]}
            await api.post("financing", f"{base}/promises-to-pay", body, idempotency_key=key)
        elif action == "reschedule":
            body = {
                "tenor_periods": v["tenor"],
                "grace_periods": v["grace"] or "0",
                "capitalise_arrears": bool(form.get("reschedule_capitalise")),
                "reason": v["reason"] or "",
            }
            await api.post("financing", f"{base}/reschedules", body, idempotency_key=key)
        elif action == "write-off":
            await api.post(
                "financing",
                f"{base}/write-offs",
                {"reason": v["reason"] or ""},
                idempotency_key=key,
            )
    except ProblemError as exc:
        return _render(request, await loan_view(api, loan_id), form_with_problem(form, exc, fields))
    return redirect(f"/desk/loans/{loan_id}")


@router.get("/desk/loans/{loan_id}/statement.pdf")
async def statement_pdf(loan_id: str, person: Person = Staff, api: Api = Depends(api)) -> Response:
    return await download(
        api,
        "financing",
        f"/v1/loans/{loan_id}/statement.pdf",
        "application/pdf",
        f"rekening-koran-{loan_id}.pdf",
    )
