"""Proposals for both parties: the list with whose turn it is and when the terms lapse, and one
proposal with its history and the answers open to the party whose turn it is (accept, counter,
reject); the offtaker signs the contract an accepted proposal made."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.datastructures import FormData

from console.api import Api
from console.forms import verified_form
from console.i18n import N_
from console.market.common import command, optional, show
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form

router = APIRouter(include_in_schema=False)
Party = Depends(role_required("cooperative", "offtaker"))


def side(person: Person) -> str:
    return "cooperative" if person.role == "cooperative" else "offtaker"


@router.get("/market/proposals")
async def list_proposals(
    request: Request, person: Person = Party, api: Api = Depends(api)
) -> Response:
    waiting = await api.get("marketplace", "/v1/proposals", awaiting_me="true", limit=100)
    every = await api.get("marketplace", "/v1/proposals", limit=100)
    return show(
        request,
        "market/proposals.html",
        title=N_("Proposals"),
        waiting=waiting["items"],
        proposals=every["items"],
        me=side(person),
    )


async def _page(
    request: Request, person: Person, api: Api, proposal_id: str, form: Form | None = None
) -> Response:
    proposal: dict[str, Any] = await api.get("marketplace", f"/v1/proposals/{proposal_id}")
    return show(
        request,
        "market/proposal.html",
        title=N_("Proposal"),
        p=proposal,
        me=side(person),
        my_turn=proposal["turn"] == side(person),
        form=form or Form(),
    )


@router.get("/market/proposals/{proposal_id}")
async def proposal(
    request: Request, proposal_id: str, person: Person = Party, api: Api = Depends(api)
) -> Response:
    return await _page(request, person, api, proposal_id)


@router.post("/market/proposals/{proposal_id}/{answer}")
async def answer(
    request: Request,
    proposal_id: str,
    answer: str,
    person: Person = Party,
    api: Api = Depends(api),
    form: FormData = Depends(verified_form),
) -> Response:
    """``accept``, ``reject``, ``counter`` (new quantity, price or window) or ``confirm``."""
    if answer not in ("accept", "reject", "counter", "confirm"):
        return await _page(request, person, api, proposal_id)
    body: dict[str, Any] | None = {"note": optional(form, "note")}
    if answer == "counter":
        body = {
            "quantity": optional(form, "quantity", numeric=True),
            "unit_price": optional(form, "unit_price", numeric=True),
            "window_end": optional(form, "window_end"),
            "note": optional(form, "note"),
        }
        body = {k: v for k, v in body.items() if v is not None}
    elif answer == "confirm":
        body = None

    async def page(form: Form) -> Response:
        return await _page(request, person, api, proposal_id, form)

    def then(result: Any) -> str:
        if answer == "confirm":
            return f"/market/contracts/{result['id']}"
        return f"/market/proposals/{proposal_id}"

    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/proposals/{proposal_id}/{answer}",
        body=body,
        fields={
            "quantity": "quantity",
            "unit_price": "unit_price",
            "window_end": "window_end",
            "note": "note",
        },
        then=then,
        page=page,
    )
