"""Products, dated tariffs and schedule previews."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Query, Response

from financing.audit.service import AuditContext, audited
from financing.errors import NoTariff
from financing.products import service
from financing.products.repository import ProductRepository
from financing.products.schemas import (
    ProductCreate,
    ProductOut,
    ProductStateChange,
    SchedulePreviewOut,
    TariffCreate,
    TariffOut,
)
from kopmod_shared.app import KopmodRouter
from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.csvexport import csv_response
from kopmod_shared.dates import BoundedDate
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Conflict, NotFound, ValidationProblem, responses
from kopmod_shared.money import PositiveMoney
from kopmod_shared.pagination import Page, PageDep

router = KopmodRouter(tags=["products"])
ProductManager = Annotated[Principal, Depends(require_roles(Role.fund_committee))]


@router.post(
    "/v1/products",
    response_model=ProductOut,
    status_code=201,
    summary="Create a financing product with its first tariff (fund committee)",
    description=(
        "Terms (amount range, maximum tenor and grace, frequency, interest method, rounding, "
        "allocation order, arrears tolerance, tranches), eligibility rules, and the pattern: "
        "conventional, or syariah with its akad (murabahah: a margin fixed up front, method "
        "`flat`; mudharabah/musyarakah: profit sharing, where the tariff is the projected return "
        "and `profit_share_ratio` the fund's share)."
    ),
    responses=responses(*AUTH_ERRORS, Conflict, ValidationProblem),
)
async def create_product(
    data: ProductCreate,
    principal: ProductManager,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("product.create"))],
    response: Response,
) -> ProductOut:
    product = await service.create_product(session, data, principal.client_id)
    audit.target_id = product.id
    response.headers["Location"] = f"/v1/products/{product.id}"
    return await service.product_out(session, product)


@router.get(
    "/v1/products",
    response_model=Page[ProductOut],
    summary="List products by code (any authenticated caller)",
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_products(
    principal: PrincipalDep,
    session: SessionDep,
    page: PageDep,
    fund_id: UUID | None = None,
    active: Annotated[
        bool | None,
        Query(description="true: only products taking applications; false: only retired ones."),
    ] = None,
) -> Page[ProductOut]:
    rows, cursor = await ProductRepository(session).list(page, fund_id, active)
    items = [await service.product_out(session, p) for p in rows]
    return Page[ProductOut](items=items, next_cursor=cursor)


@router.get(
    "/v1/products/{product_id}",
    response_model=ProductOut,
    summary="Read a product",
    responses=responses(*AUTH_ERRORS, NotFound),
)
async def get_product(product_id: UUID, principal: PrincipalDep, session: SessionDep) -> ProductOut:
    return await service.product_out(session, await service.get_product(session, product_id))


@router.post(
    "/v1/products/{product_id}/deactivate",
    response_model=ProductOut,
    summary="Retire a product: it takes no new applications (fund committee)",
    description=(
        "The product stays readable with `active: false`. New drafts on it, changes to drafts "
        "and submissions of drafts made on it are refused with 409 `product-retired` (naming "
        "`product_id`, `product_code` and `product_state`). Applications already submitted, "
        "their review, approval and signing, and loans on the product carry on unchanged. "
        "Retiring a retired product changes nothing and answers the product. The optional "
        "`reason` is kept in the audit trail."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def deactivate_product(
    product_id: UUID,
    data: ProductStateChange,
    principal: ProductManager,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("product.deactivate"))],
) -> ProductOut:
    product = await service.set_active(session, product_id, active=False)
    return await service.product_out(session, product)


@router.post(
    "/v1/products/{product_id}/activate",
    response_model=ProductOut,
    summary="Reopen a retired product to new applications (fund committee)",
    description=(
        "`active` becomes true again; activating an active product changes nothing and "
        "answers the product. The optional `reason` is kept in the audit trail."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def activate_product(
    product_id: UUID,
    data: ProductStateChange,
    principal: ProductManager,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("product.activate"))],
) -> ProductOut:
    product = await service.set_active(session, product_id, active=True)
    return await service.product_out(session, product)


@router.post(
    "/v1/products/{product_id}/tariffs",
    response_model=TariffOut,
    status_code=201,
    summary="Add a tariff from a date (fund committee)",
    description=(
        "Rates change by decree: a tariff applies from `effective_from` until the next one. "
        "An application takes the rate in force on its approval date. Existing tariffs are "
        "never edited."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, Conflict, ValidationProblem),
)
async def add_tariff(
    product_id: UUID,
    data: TariffCreate,
    principal: ProductManager,
    session: SessionDep,
    audit: Annotated[AuditContext, Depends(audited("product.tariff_add"))],
) -> TariffOut:
    tariff = await service.add_tariff(session, product_id, data, principal.client_id)
    return TariffOut.model_validate(tariff)


@router.get(
    "/v1/products/{product_id}/tariffs",
    response_model=Page[TariffOut],
    summary="The product's tariff history, oldest first",
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
)
async def list_tariffs(
    product_id: UUID, principal: PrincipalDep, session: SessionDep, page: PageDep
) -> Page[TariffOut]:
    await service.get_product(session, product_id)
    rows, cursor = await ProductRepository(session).tariffs(product_id, page)
    return Page[TariffOut](items=[TariffOut.model_validate(t) for t in rows], next_cursor=cursor)


class PreviewQuery:
    def __init__(
        self,
        amount: Annotated[PositiveMoney, Query(description="Principal, a decimal string.")],
        tenor_periods: Annotated[int, Query(ge=1, le=480)],
        start_date: Annotated[BoundedDate, Query(description="Disbursement date.")],
        grace_periods: Annotated[int, Query(ge=0, le=240)] = 0,
        first_due_date: Annotated[BoundedDate | None, Query()] = None,
        rate_date: Annotated[
            BoundedDate | None, Query(description="Date whose tariff applies; today if omitted.")
        ] = None,
    ) -> None:
        self.amount: Decimal = amount
        self.tenor_periods = tenor_periods
        self.start_date = start_date
        self.grace_periods = grace_periods
        self.first_due_date = first_due_date
        self.rate_date = rate_date


async def _preview(product_id: UUID, q: PreviewQuery, session: SessionDep) -> SchedulePreviewOut:
    return await service.preview(
        session,
        product_id,
        amount=q.amount,
        tenor_periods=q.tenor_periods,
        grace_periods=q.grace_periods,
        start_date=q.start_date,
        first_due_date=q.first_due_date,
        rate_date=q.rate_date,
    )


@router.get(
    "/v1/products/{product_id}/schedule-preview",
    response_model=SchedulePreviewOut,
    summary="Preview a repayment schedule (nothing is stored)",
    description=(
        "Any amount, tenor, grace and start date within the product, at the tariff in force on "
        "`rate_date`. The same schedule as CSV: `/schedule-preview.csv`."
    ),
    responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem, NoTariff),
)
async def schedule_preview(
    product_id: UUID,
    q: Annotated[PreviewQuery, Depends()],
    principal: PrincipalDep,
    session: SessionDep,
) -> SchedulePreviewOut:
    return await _preview(product_id, q, session)


@router.get(
    "/v1/products/{product_id}/schedule-preview.csv",
    summary="Download a schedule preview as CSV",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per installment and a total"},
        **responses(*AUTH_ERRORS, NotFound, ValidationProblem, NoTariff),
    },
)
async def schedule_preview_csv(
    product_id: UUID,
    q: Annotated[PreviewQuery, Depends()],
    principal: PrincipalDep,
    session: SessionDep,
) -> Response:
    schedule = await _preview(product_id, q, session)
    return csv_response(service.schedule_csv(schedule), "schedule.csv")
