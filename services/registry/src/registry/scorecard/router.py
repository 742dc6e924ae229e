"""The modernisation scorecard and the programme view over HTTP."""

from __future__ import annotations

import asyncio
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Request, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.errors import AUTH_ERRORS, NotFound, responses
from registry.access import SCOPE_READ
from registry.scorecard import paper, programme, service
from registry.scorecard.repository import ProgrammeFilter
from registry.scorecard.schemas import ProgrammeOut, ScorecardOut
from registry.settings import RegistrySettings

router = KopmodRouter(tags=["scorecard"])

Reader = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.ministry,
            Role.service,
            Role.cooperative,
            Role.partner,
            Role.admin,
            scopes=[SCOPE_READ],
        )
    ),
]
ProgrammeReader = Annotated[
    Principal, Depends(require_roles(Role.ministry, Role.partner, Role.admin, scopes=[SCOPE_READ]))
]


async def _upstreams(request: Request) -> service.Upstreams:
    settings: RegistrySettings = request.app.state.settings
    return service.Upstreams(
        financing=request.app.state.financing,
        marketplace=request.app.state.marketplace,
        deadline_seconds=settings.scorecard_deadline_seconds,
    )


UpstreamsDep = Annotated[service.Upstreams, Depends(_upstreams)]


@router.get(
    "/v1/cooperatives/{cooperative_id}/modernisation",
    response_model=ScorecardOut,
    summary="Modernisation scorecard: the four aspects, governance and technology adoption",
    description=(
        "Access to capital (financing: applications, loans, repayment record), product "
        "diversification (registry products), market orientation (marketplace: domestic and "
        "export contracts), offtakers (marketplace: active contracts, offtakers, fulfilment) "
        "governance (RAT compliance, health) and technology adoption (people signed in lately, "
        "applications, offers and deliveries recorded on the platform, an API client in use or "
        "a webhook endpoint), each scored 0-100 with its evidence and the "
        "rules that earned the points; the overall readiness, its band and the programme "
        "phase. When financing or marketplace does not answer in time the scorecard is still "
        "answered, `partial`, with those aspects `available: false` and the reason. Readable "
        "by the ministry, admin, services, partners with `registry:read`, and the cooperative "
        "itself (another cooperative's id is a 404)."
    ),
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def modernisation_scorecard(
    cooperative_id: UUID, principal: Reader, request: Request, upstreams: UpstreamsDep
) -> ScorecardOut:
    return await service.scorecard(
        request.app.state.sessionmaker, upstreams, principal, cooperative_id
    )


@router.get(
    "/v1/cooperatives/{cooperative_id}/modernisation.pdf",
    summary="Modernisation scorecard as a PDF in Bahasa Indonesia (for the cooperative's RAT)",
    description=(
        "The same scorecard as `GET /v1/cooperatives/{id}/modernisation`, printed on A4 in Bahasa "
        "Indonesia: readiness and its band, whether the four aspects are met, each aspect's "
        "score, sources and evidence. A partial scorecard says which service was unavailable. "
        "Readable as the scorecard is (another cooperative's id is a 404)."
    ),
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {}}, "description": "The scorecard, one A4 file"},
        **responses(*AUTH_ERRORS, NotFound),
    },
)
async def modernisation_scorecard_pdf(
    cooperative_id: UUID, principal: Reader, request: Request, upstreams: UpstreamsDep
) -> Response:
    card = await service.scorecard(
        request.app.state.sessionmaker, upstreams, principal, cooperative_id
    )
    # ReportLab is CPU-bound for tens of milliseconds: keep it off the event loop.
    pdf = await asyncio.to_thread(paper.render, card, printed_on=service.today())
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="kartu-skor-{cooperative_id}.pdf"'},
    )


@router.get(
    "/v1/programme/modernisation",
    response_model=ProgrammeOut,
    summary="Programme view: cooperatives by phase, readiness band and province; the target",
    description=(
        "Every cooperative in the modernisation programme (a phase recorded, not merged or "
        "dissolved), scored as in the scorecard from bulk reads of financing and marketplace "
        "(100 cooperatives per call): counts by phase, by readiness band and both together, "
        "by province (with bands and the target), by cohort, the programme's mentoring "
        "(pendampingan), per aspect met, and how many meet all four aspects against the "
        "programme's target and how many are still needed. Filter by `province` and "
        "`cohort_year`. "
        "Partial (with the reason) when a service is unavailable. For the ministry, admin and "
        "partners with `registry:read`."
    ),
    responses=responses(*AUTH_ERRORS),
)
async def programme_view(
    principal: ProgrammeReader,
    request: Request,
    upstreams: UpstreamsDep,
    province: Annotated[
        str | None, Query(pattern=r"^\d{2}$", description="Only this province (2-digit code).")
    ] = None,
    cohort_year: Annotated[
        int | None, Query(ge=2000, le=2099, description="Only this cohort.")
    ] = None,
) -> ProgrammeOut:
    settings: RegistrySettings = request.app.state.settings
    return await programme.programme(
        request.app.state.sessionmaker,
        upstreams,
        settings.programme_target,
        ProgrammeFilter(province=province, cohort_year=cohort_year),
    )
