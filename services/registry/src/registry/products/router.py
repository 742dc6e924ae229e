"""A cooperative's product mix over HTTP: add, list (public), change, remove."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends, Response

from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import PrincipalDep
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, NotFound, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageDep
from registry.audit.service import audited
from registry.products import service
from registry.products.repository import ProductRepository
from registry.products.schemas import ProductIn, ProductOut, ProductUpdate

router = KopmodRouter(tags=["products"])


async def _repo(session: SessionDep) -> ProductRepository:
    return ProductRepository(session)


RepoDep = Annotated[ProductRepository, Depends(_repo)]
_WHO = "Ministry, admin, a partner with `registry:write`, or the cooperative itself."


@router.post(
    "/v1/cooperatives/{cooperative_id}/products",
    dependencies=[Depends(audited("product.add"))],
    response_model=ProductOut,
    status_code=201,
    summary="Add a product to the cooperative's product mix",
    description=_WHO + " A product has at least one market (domestic, export).",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def add_product(
    cooperative_id: UUID,
    data: ProductIn,
    principal: PrincipalDep,
    repo: RepoDep,
    response: Response,
) -> ProductOut:
    product = await service.add_product(repo, principal, cooperative_id, data)
    response.headers["Location"] = f"/v1/cooperatives/{cooperative_id}/products/{product.id}"
    return ProductOut.model_validate(product)


@router.get(
    "/v1/cooperatives/{cooperative_id}/products",
    response_model=Page[ProductOut],
    summary="The cooperative's products by name (public)",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_products(
    cooperative_id: UUID, principal: PrincipalDep, repo: RepoDep, page: PageDep
) -> Page[ProductOut]:
    rows, cursor = await service.list_products(repo, principal, cooperative_id, page)
    return Page[ProductOut](items=[ProductOut.model_validate(p) for p in rows], next_cursor=cursor)


@router.patch(
    "/v1/cooperatives/{cooperative_id}/products/{product_id}",
    dependencies=[Depends(audited("product.change"))],
    response_model=ProductOut,
    summary="Change a product (partial)",
    description=_WHO,
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def update_product(
    cooperative_id: UUID,
    product_id: UUID,
    data: ProductUpdate,
    principal: PrincipalDep,
    repo: RepoDep,
) -> ProductOut:
    product = await service.update_product(repo, principal, cooperative_id, product_id, data)
    return ProductOut.model_validate(product)


@router.delete(
    "/v1/cooperatives/{cooperative_id}/products/{product_id}",
    dependencies=[Depends(audited("product.remove"))],
    status_code=204,
    summary="Remove a product",
    description=_WHO,
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def remove_product(
    cooperative_id: UUID, product_id: UUID, principal: PrincipalDep, repo: RepoDep
) -> Response:
    await service.remove_product(repo, principal, cooperative_id, product_id)
    return Response(status_code=204)
