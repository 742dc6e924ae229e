"""Commodity reference data over HTTP (public): the list, and one commodity's units and grades."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from kopmod_shared.app import KopmodRouter
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep
from marketplace.commodities import service
from marketplace.commodities.repository import CommodityRepository
from marketplace.commodities.schemas import CommodityOut

router = KopmodRouter(tags=["commodities"])


async def _repo(session: SessionDep) -> CommodityRepository:
    return CommodityRepository(session)


RepoDep = Annotated[CommodityRepository, Depends(_repo)]


@router.get(
    "/v1/commodities",
    response_model=Page[CommodityOut],
    summary="List the commodities the marketplace trades",
    description=(
        "Reference data, public: HS code, base unit (every quantity is stored and answered in it), "
        "the units a quantity may be given in with their size in base units, and grades "
        "(higher rank is better) where the commodity has them. By code, paged like every list."
    ),
    responses=responses(ValidationProblem),
)
async def list_commodities(repo: RepoDep, page: PageDep) -> Page[CommodityOut]:
    return await service.list_page(repo, page)


@router.get(
    "/v1/commodities/{code}",
    response_model=CommodityOut,
    summary="Read one commodity's units and grades",
    responses=responses(NotFound),
)
async def get_commodity(code: str, repo: RepoDep) -> CommodityOut:
    return await service.describe(repo, code)
