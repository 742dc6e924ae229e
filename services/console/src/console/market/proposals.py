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
from console.market import names
from console.market.common import command, found, optional, show
from console.session_deps import api, role_required
from console.sessions import Person
from console.web import Form
from kopmod_shared.schemas.market_deals import ContractOut, ProposalOut

router = APIRouter(include_in_schema=False)
Party = Depends(role_required("cooperative", "offtaker"))


def side(person: Person) -> str:
    return "cooperative" if person.role == "cooperative" else "offtaker"


@router.get("/market/proposals")
async def list_proposals(
    request: Request, person: Person = Party, api: Api = Depends(api)
) -> Response:
    await names.load(api.marketplace)
    return show(
        request,
        "market/proposals.html",
        title=N_("Proposals"),
        waiting=await api.marketplace.proposals(awaiting_me=True),
        proposals=await api.marketplace.proposals(),
        me=side(person),
    )


async def _page(
    request: Request, person: Person, api: Api, proposal_id: str, form: Form | None = None
) -> Response:
    await names.load(api.marketplace)
    proposal = await found(api.marketplace.proposal(proposal_id))
    return show(
        request,
        "market/proposal.html",
        title=N_("Proposal"),
        p=proposal,
        me=side(person),
        my_turn=proposal.turn == side(person),
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
    fields = {"quantity": "quantity", "unit_price": "unit_price", "window_end": "window_end"}
    fields["note"] = "note"
    if answer == "reject":
        body = {"note": optional(form, "reject_note")}
        fields["note"] = "reject_note"
    elif answer == "counter":
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

    if answer == "confirm":
        return await command(
            request,
            person,
            api,
            form,
            method="POST",
            path=f"/v1/proposals/{proposal_id}/confirm",
            body=None,
            answer=ContractOut,
            fields={},
            then=lambda c: f"/market/contracts/{c.id}",
            page=page,
        )
    return await command(
        request,
        person,
        api,
        form,
        method="POST",
        path=f"/v1/proposals/{proposal_id}/{answer}",
        body=body,
        answer=ProposalOut,
        fields=fields,
        then=lambda _: f"/market/proposals/{proposal_id}",
        page=page,
    )
