"""Offtaker profiles over HTTP: register (admin), list, read, change."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageParams, cursor_id, make_page, page_params
from marketplace.offtakers import service
from marketplace.offtakers.repository import OfftakerRepository
from marketplace.offtakers.schemas import OfftakerCreate, OfftakerOut, OfftakerUpdate

router = KopmodRouter(tags=["offtakers"])


async def _repo(session: SessionDep) -> OfftakerRepository:
    return OfftakerRepository(session)


RepoDep = Annotated[OfftakerRepository, Depends(_repo)]
AdminDep = Annotated[Principal, Depends(require_roles(Role.admin))]
ReaderDep = Annotated[
    Principal,
    Depends(
        require_roles(
            Role.offtaker, Role.service, Role.partner, Role.admin, scopes=[service.READ_SCOPE]
        )
    ),
]


@router.post(
    "/v1/offtakers",
    response_model=OfftakerOut,
    status_code=201,
    summary="Register an offtaker profile (admin)",
    description=(
        "Creates the buyer's profile. Then create an API client with role `offtaker` bound to the "
        "returned id (registry `POST /v1/clients`, `org_id`), so the buyer can post demand."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def create_offtaker(
    data: OfftakerCreate, principal: AdminDep, repo: RepoDep, response: Response
) -> OfftakerOut:
    offtaker = await service.create(repo, data)
    response.headers["Location"] = f"/v1/offtakers/{offtaker.id}"
    return OfftakerOut.model_validate(offtaker)


@router.get(
    "/v1/offtakers",
    response_model=Page[OfftakerOut],
    summary="List offtakers (admin, partners with marketplace:read)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_offtakers(
    principal: Annotated[
        Principal,
        Depends(require_roles(Role.partner, Role.service, Role.admin, scopes=[service.READ_SCOPE])),
    ],
    repo: RepoDep,
    page: Annotated[PageParams, Depends(page_params)],
) -> Page[OfftakerOut]:
    after = cursor_id(page)
    rows = await repo.page(page.limit, after)
    items, cursor = make_page(rows, page.limit, lambda o: (o.id,))
    return Page[OfftakerOut](
        items=[OfftakerOut.model_validate(o) for o in items], next_cursor=cursor
    )


@router.get(
    "/v1/offtakers/{offtaker_id}",
    response_model=OfftakerOut,
    summary="Read an offtaker profile (itself, admin, partners with marketplace:read)",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_offtaker(offtaker_id: UUID, principal: ReaderDep, repo: RepoDep) -> OfftakerOut:
    return OfftakerOut.model_validate(await service.get_visible(repo, principal, offtaker_id))


@router.patch(
    "/v1/offtakers/{offtaker_id}",
    response_model=OfftakerOut,
    summary="Change an offtaker's name or contact (itself) or verification status (admin)",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def update_offtaker(
    offtaker_id: UUID, data: OfftakerUpdate, principal: ReaderDep, repo: RepoDep
) -> OfftakerOut:
    return OfftakerOut.model_validate(await service.update(repo, principal, offtaker_id, data))
