"""What the market's pages share: the labels of states and parties, numbers as people type
them (Indonesian ``1.500.000,50`` or plain ``1500000.50``), reading a record (another
organisation's is the 404 page), and sending a command from a form (the page again with the
problem next to its fields, or on to the next page with the answer as its typed model)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any, TypeVar

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.datastructures import FormData

from console.api import Api
from console.errors import PageNotFound
from console.forms import form_with_problem, idempotency_key
from console.i18n import N_
from console.market import names
from console.sessions import Person
from console.web import redirect, render
from kopmod_shared.errors import Forbidden, NotFound, ProblemError, ValidationProblem

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

STATUS = {
    "open": N_("open"),
    "draft": N_("draft"),
    "partially_committed": N_("partly committed"),
    "committed": N_("committed"),
    "withdrawn": N_("withdrawn"),
    "expired": N_("expired"),
    "proposed": N_("proposed"),
    "countered": N_("countered"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "pending": N_("waiting for the offtaker to sign"),
    "active": N_("active"),
    "completed": N_("completed"),
    "terminated": N_("terminated"),
    "cancelled": N_("cancelled"),
    "scheduled": N_("scheduled"),
    "partially_delivered": N_("partly delivered"),
    "delivered": N_("delivered"),
    "missed": N_("missed"),
    "notified": N_("waiting for the offtaker"),
    "received": N_("received"),
    "resolved": N_("resolved"),
    "partially_allocated": N_("partly allocated"),
    "allocated": N_("allocated"),
    "closed": N_("closed"),
}
PARTY = {
    "cooperative": N_("the cooperative"),
    "offtaker": N_("the offtaker"),
    "platform": N_("the platform"),
    "mediator": N_("the mediator"),
}
ACTION = {
    "proposed": N_("proposed"),
    "countered": N_("countered"),
    "accepted": N_("accepted"),
    "rejected": N_("rejected"),
    "confirmed": N_("signed the contract"),
    "delivered": N_("received the delivery"),
    "raised": N_("raised the dispute"),
    "resolved": N_("settled the dispute"),
}

_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def number(text: str) -> str:
    """A number as typed, in the API's grammar: ``1.500.000`` and ``1.500,5`` (Indonesian)
    become ``1500000`` and ``1500.5``; anything else goes as typed, for the API to judge."""
    raw = text.strip().replace(" ", "")
    if "," in raw:
        return raw.replace(".", "").replace(",", ".")
    if _THOUSANDS.match(raw):
        return raw.replace(".", "")
    return raw


def typed(value: Decimal | None) -> str:
    """A number put back in a form as :func:`number` reads it in either language: no
    thousands separator, a comma before decimals (``40000``, ``1500,5``)."""
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


def optional(form: FormData, name: str, *, numeric: bool = False) -> str | None:
    value = form.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    return number(value) if numeric else value.strip()


class Unread(BaseModel):
    """An answer the page goes on from without reading it (a matching run)."""


async def found(read: Awaitable[T]) -> T:
    """A record the page needs: absent, another organisation's or a malformed id is the 404
    page (nothing of it shown)."""
    try:
        return await read
    except (NotFound, Forbidden, ValidationProblem) as exc:
        raise PageNotFound from exc


async def command(
    request: Request,
    person: Person,
    api: Api,
    form: FormData,
    *,
    method: str,
    path: str,
    body: Mapping[str, Any] | None,
    answer: type[M],
    fields: Mapping[str, str],
    then: Callable[[M], str],
    page: Callable[..., Awaitable[Response]],
) -> Response:
    """Send the form's command; on success go to ``then(answer)`` (the answer parsed as the
    model ``answer``); on a problem show the page again (``page(form=...)``) with each sentence
    next to its field."""
    try:
        resp = await api.marketplace.request(
            method, path, json=body, idempotency_key=idempotency_key(person, request, form)
        )
    except ProblemError as exc:
        return await page(form=form_with_problem(form, exc, fields))
    return redirect(then(answer.model_validate_json(resp.content)))


def show(request: Request, template: str, **context: Any) -> Response:
    """A market page, with the labels of states and parties and the reference data's names
    (``commodity``, ``grade``, ``unit``, ``quantity``)."""
    return render(
        request,
        template,
        status=STATUS,
        party=PARTY,
        action=ACTION,
        commodity=names.commodity,
        grade=names.grade,
        unit=names.unit,
        quantity=names.quantity,
        **context,
    )
