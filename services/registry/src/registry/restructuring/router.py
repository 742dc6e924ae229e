"""Restructurings over HTTP: record a merger, fusion or spin-off, read one, and a cooperative's
lineage."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.schemas.registry import Lineage
from registry.access import RestructurerDep
from registry.audit.service import audited
from registry.cooperatives.repository import CooperativeRepository
from registry.restructuring import preview, service
from registry.restructuring.repository import RestructuringRepository
from registry.restructuring.schemas import (
    FusionIn,
    LineageGraph,
    MergerIn,
    PreviewIn,
    PreviewOut,
    RestructuringOut,
    SpinOffIn,
)
from registry.scorecard.router import UpstreamsDep

router = KopmodRouter(tags=["restructuring"])


async def _repo(session: SessionDep) -> CooperativeRepository:
    return CooperativeRepository(session)


RepoDep = Annotated[CooperativeRepository, Depends(_repo)]

_WHO = (
    "Ministry, admin, or a partner with scope `registry:restructure`. Publishes "
    "`registry.cooperative.restructured` (outbox, same transaction). "
)
_ERRORS = responses(*AUTH_ERRORS, Conflict, ValidationProblem)


async def _answer(
    repo: CooperativeRepository, event_id: UUID, response: Response
) -> RestructuringOut:
    response.headers["Location"] = f"/v1/restructurings/{event_id}"
    events = RestructuringRepository(repo.session)
    return await service.get_restructuring(events, None, event_id)


@router.post(
    "/v1/restructurings/mergers",
    dependencies=[Depends(audited("restructuring.merger"))],
    response_model=RestructuringOut,
    status_code=201,
    summary="Record a merger (penggabungan)",
    description=_WHO
    + "The predecessors are absorbed into the existing successor and get status `merged`. "
    "Merging a cooperative into itself is a 422; into (or from) a dissolved or merged one a 409; "
    "a successor in another province than a predecessor needs a `reason` (422).",
    responses=_ERRORS,
)
async def record_merger(
    data: MergerIn, principal: RestructurerDep, repo: RepoDep, response: Response
) -> RestructuringOut:
    event = await service.merge(repo, data, actor=principal.client_id)
    return await _answer(repo, event.id, response)


@router.post(
    "/v1/restructurings/fusions",
    dependencies=[Depends(audited("restructuring.fusion"))],
    response_model=RestructuringOut,
    status_code=201,
    summary="Record a fusion (peleburan) into a new cooperative",
    description=_WHO
    + "Two or more predecessors get status `merged`; the successor is registered by this "
    "request (its fields are validated as in `POST /v1/cooperatives`, under `successor`).",
    responses=_ERRORS,
)
async def record_fusion(
    data: FusionIn, principal: RestructurerDep, repo: RepoDep, response: Response
) -> RestructuringOut:
    event = await service.fuse(repo, data, actor=principal.client_id)
    return await _answer(repo, event.id, response)


@router.post(
    "/v1/restructurings/spin-offs",
    dependencies=[Depends(audited("restructuring.spin_off"))],
    response_model=RestructuringOut,
    status_code=201,
    summary="Record a spin-off (pemekaran usaha)",
    description=_WHO
    + "The parent founds a new cooperative in another sector (a different type, or sectors "
    "the parent does not have) and stays active.",
    responses=_ERRORS,
)
async def record_spin_off(
    data: SpinOffIn, principal: RestructurerDep, repo: RepoDep, response: Response
) -> RestructuringOut:
    event = await service.spin_off(repo, data, actor=principal.client_id)
    return await _answer(repo, event.id, response)


@router.post(
    "/v1/restructurings/preview",
    response_model=PreviewOut,
    summary="Preview a merger, fusion or spin-off: what would follow (nothing is recorded)",
    description=(
        "The same parties as the recording requests, with `kind`. Answers who would be merged, "
        "what moves to the successor (members; the predecessors' open loans, applications in "
        "review and contracts, as financing and the marketplace know them; a spin-off's named "
        "assets) and what stays on the cooperative's own record (people, API clients, webhook "
        "endpoints, products, RAT and health history ...), the members the successor would "
        "have, whether recording needs a `reason`, and the lineage with the proposed step as "
        "a graph to draw. Refused exactly as recording would be (unknown, listed twice, merged "
        "or dissolved). A service that does not answer in time leaves its lines' counts null "
        "and the answer `partial`. Ministry, admin, or a partner with `registry:restructure`."
    ),
    responses=_ERRORS,
    openapi_extra={"x-no-idempotency": True},
)
async def preview_restructuring(
    data: PreviewIn, principal: RestructurerDep, request: Request, upstreams: UpstreamsDep
) -> PreviewOut:
    return await preview.preview(request.app.state.sessionmaker, upstreams, data)


@router.get(
    "/v1/restructurings/{restructuring_id}",
    response_model=RestructuringOut,
    summary="Read a restructuring",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_restructuring(
    restructuring_id: UUID, principal: PrincipalDep, repo: RepoDep
) -> RestructuringOut:
    return await service.get_restructuring(
        RestructuringRepository(repo.session), principal, restructuring_id
    )


@router.get(
    "/v1/cooperatives/{cooperative_id}/lineage",
    response_model=Lineage,
    summary="Where a cooperative came from and where it went",
    description=(
        "Both directions, through every recorded merger, fusion and spin-off: `predecessors` "
        "(depth 1 are direct) and `successors`. A merged cooperative's successors name the "
        "cooperative that took it over."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
    tags=["restructuring"],
)
async def get_lineage(cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep) -> Lineage:
    return await service.lineage(repo, principal, cooperative_id)


@router.get(
    "/v1/cooperatives/{cooperative_id}/lineage-graph",
    response_model=LineageGraph,
    summary="A cooperative's lineage as a graph (nodes and edges) to draw",
    description=(
        "Every recorded merger, fusion and spin-off in the cooperative's lineage, with all "
        "participants of each: nodes (cooperatives, their status and province) and edges from "
        "predecessor (or parent) to successor. Readable as the cooperative is (another "
        "cooperative's id is a 404 for a cooperative)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_lineage_graph(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep
) -> LineageGraph:
    return await preview.lineage_graph(repo, principal, cooperative_id)
