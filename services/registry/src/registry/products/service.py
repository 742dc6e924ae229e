"""The product mix (one of the four aspects of a modern cooperative). Public to read; the
cooperative itself keeps it current, as do the ministry and writing partners."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.auth import Principal
from kopmod_shared.errors import NotFound, ValidationProblem
from kopmod_shared.pagination import PageParams, Slice
from registry import access
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.service import get_visible
from registry.products.models import Product
from registry.products.repository import ProductRepository
from registry.products.schemas import ProductIn, ProductUpdate


def _check_market(domestic: bool, export: bool) -> None:
    if not (domestic or export):
        raise ValidationProblem.for_field(
            "body.export_market",
            "a product is sold on the domestic market, for export, or both",
            "no_market",
        )


async def add_product(
    repo: ProductRepository, principal: Principal, cooperative_id: UUID, data: ProductIn
) -> Product:
    access.require_write(principal, cooperative_id, self_service=True)
    cooperative = await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    _check_market(data.domestic_market, data.export_market)
    return await repo.add(Product(cooperative_id=cooperative.id, **data.model_dump()))


async def _product(
    repo: ProductRepository, principal: Principal, cooperative_id: UUID, product_id: UUID
) -> Product:
    access.require_write(principal, cooperative_id, self_service=True)
    product = await repo.get(cooperative_id, product_id)
    if product is None:
        raise NotFound("no product with this id for this cooperative")
    return product


async def update_product(
    repo: ProductRepository,
    principal: Principal,
    cooperative_id: UUID,
    product_id: UUID,
    data: ProductUpdate,
) -> Product:
    product = await _product(repo, principal, cooperative_id, product_id)
    changes = data.model_dump(include=data.model_fields_set)
    for required in ("name", "hs_code", "processed", "domestic_market", "export_market"):
        if required in changes and changes[required] is None:
            raise ValidationProblem.for_field(
                f"body.{required}", "this field cannot be null", "null_not_allowed"
            )
    _check_market(
        changes.get("domestic_market", product.domestic_market),
        changes.get("export_market", product.export_market),
    )
    for name, value in changes.items():
        setattr(product, name, value)
    return await repo.save(product)


async def remove_product(
    repo: ProductRepository, principal: Principal, cooperative_id: UUID, product_id: UUID
) -> None:
    await repo.delete(await _product(repo, principal, cooperative_id, product_id))


async def list_products(
    repo: ProductRepository, principal: Principal, cooperative_id: UUID, page: PageParams
) -> Slice[Product]:
    cooperative = await get_visible(CooperativeRepository(repo.session), principal, cooperative_id)
    return await repo.for_cooperative(cooperative.id, page)
