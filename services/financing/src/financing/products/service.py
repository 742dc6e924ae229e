"""Products, tariffs and the terms rules every application is held to: the rules, no SQL."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from financing.errors import NoTariff, ProductRetired
from financing.ledger.repository import LedgerRepository
from financing.products.models import Product, Tariff
from financing.products.repository import ProductRepository
from financing.products.schemas import (
    AllocationPart,
    EligibilityRules,
    InstallmentOut,
    ProductCreate,
    ProductOut,
    SchedulePreviewOut,
    TariffCreate,
)
from financing.schedules.engine import (
    Akad,
    Frequency,
    Installment,
    InterestMethod,
    ScheduleError,
    Tranche,
    build_schedule,
    effective_rate,
    total_interest,
)
from kopmod_shared.csvexport import write_csv
from kopmod_shared.errors import Conflict, FieldError, NotFound, ValidationProblem

ZERO = Decimal("0.00")


def today() -> date:
    return datetime.now(UTC).date()


async def create_product(session: AsyncSession, data: ProductCreate, actor: str) -> Product:
    repo = ProductRepository(session)
    if await LedgerRepository(session).fund(data.fund_id) is None:
        raise ValidationProblem.for_field("body.fund_id", f"no fund {data.fund_id}", "not_found")
    if await repo.by_code(data.code) is not None:
        raise Conflict(f"product code {data.code} is taken", field="code")
    rules = data.eligibility
    product = Product(
        fund_id=data.fund_id,
        code=data.code,
        name=data.name,
        purpose=data.purpose.value,
        pattern=data.pattern.value,
        akad=data.akad.value if data.akad else None,
        profit_share_ratio=data.profit_share_ratio,
        amount_min=data.amount_min,
        amount_max=data.amount_max,
        tenor_max_periods=data.tenor_max_periods,
        grace_max_periods=data.grace_max_periods,
        frequency=data.frequency.value,
        method=data.method.value,
        rounding=data.rounding,
        allocation_order=[p.value for p in data.allocation_order],
        arrears_tolerance_days=data.arrears_tolerance_days,
        max_tranches=data.max_tranches,
        penalty_rate=data.penalty_rate,
        min_age_years=rules.min_age_years,
        rat_years_required=rules.rat_years_required,
        min_health=rules.min_health.value if rules.min_health else None,
        max_equity_multiple=rules.max_equity_multiple,
        require_positive_result=rules.require_positive_result,
        closed_loop_share=data.closed_loop_share,
        active=True,
        created_by=actor,
    )
    await repo.add(product)
    await repo.add(
        Tariff(
            product_id=product.id,
            effective_from=data.rate_effective_from,
            annual_rate=data.initial_rate,
            note="initial tariff",
            created_by=actor,
        )
    )
    # Read back so the answer shows what the database keeps (NUMERIC scales).
    await session.refresh(product)
    return product


async def get_product(session: AsyncSession, product_id: UUID) -> Product:
    product = await ProductRepository(session).get(product_id)
    if product is None:
        raise NotFound(f"no product {product_id}")
    return product


async def set_active(session: AsyncSession, product_id: UUID, *, active: bool) -> Product:
    """Retire (``active=False``) or reopen a product. Setting the state it already has changes
    nothing (the command is idempotent). Retiring touches no application or loan: the ones
    already submitted and the loans on it are serviced as before; new drafts and submissions
    are refused (see ``require_open``)."""
    product = await ProductRepository(session).get_locked(product_id, exclusive=True)
    if product is None:
        raise NotFound(f"no product {product_id}")
    if product.active is not active:
        product.active = active
        await session.flush()
    return product


def require_open(product: Product) -> None:
    """A retired product takes no new application (drafts, their changes, submissions)."""
    if not product.active:
        raise ProductRetired(
            f"product {product.code} is retired (active: false): it takes no new applications "
            "or submissions",
            product_id=str(product.id),
            product_code=product.code,
            product_state="retired",
        )


async def add_tariff(
    session: AsyncSession, product_id: UUID, data: TariffCreate, actor: str
) -> Tariff:
    repo = ProductRepository(session)
    await get_product(session, product_id)
    if await repo.tariff_at(product_id, data.effective_from) is not None:
        raise Conflict(
            f"a tariff from {data.effective_from} exists; tariffs are history, add another date",
            field="effective_from",
        )
    tariff = Tariff(
        product_id=product_id,
        effective_from=data.effective_from,
        annual_rate=data.annual_rate,
        note=data.note,
        created_by=actor,
    )
    await repo.add(tariff)
    return tariff


async def tariff_on(session: AsyncSession, product: Product, on: date) -> Tariff:
    """The tariff in force on ``on`` (the latest starting on or before it)."""
    tariff = await ProductRepository(session).tariff_on(product.id, on)
    if tariff is None:
        raise NoTariff(f"product {product.code} has no rate in force on {on}")
    return tariff


def schedule_rate(product: Product, tariff_rate: Decimal) -> Decimal:
    akad = Akad(product.akad) if product.akad else None
    return effective_rate(tariff_rate, akad, product.profit_share_ratio)


def check_terms(
    product: Product,
    *,
    amount: Decimal,
    tenor_periods: int,
    grace_periods: int,
    tranche_amounts: list[Decimal] | None = None,
    prefix: str = "body",
) -> None:
    """Amount, tenor, grace and tranche plan within the product (422 naming every field)."""
    errors: list[FieldError] = []
    if not product.amount_min <= amount <= product.amount_max:
        errors.append(
            FieldError(
                field=f"{prefix}.amount",
                message=(
                    f"amount {amount} is outside the product's range "
                    f"{product.amount_min} - {product.amount_max}"
                ),
                code="amount_out_of_range",
            )
        )
    if tenor_periods > product.tenor_max_periods:
        errors.append(
            FieldError(
                field=f"{prefix}.tenor_periods",
                message=f"tenor {tenor_periods} is above the maximum {product.tenor_max_periods}",
                code="tenor_above_maximum",
            )
        )
    if grace_periods > product.grace_max_periods:
        errors.append(
            FieldError(
                field=f"{prefix}.grace_periods",
                message=f"grace {grace_periods} is above the maximum {product.grace_max_periods}",
                code="grace_above_maximum",
            )
        )
    elif grace_periods >= tenor_periods:
        errors.append(
            FieldError(
                field=f"{prefix}.grace_periods",
                message="grace must leave at least one period to repay principal",
                code="grace_not_below_tenor",
            )
        )
    if tranche_amounts:
        if len(tranche_amounts) > product.max_tranches:
            errors.append(
                FieldError(
                    field=f"{prefix}.tranche_plan",
                    message=f"{len(tranche_amounts)} tranches; the product allows "
                    f"{product.max_tranches}",
                    code="too_many_tranches",
                )
            )
        planned = sum(tranche_amounts, ZERO)
        if planned > amount:
            errors.append(
                FieldError(
                    field=f"{prefix}.tranche_plan",
                    message=f"the tranche plan adds up to {planned}, above the amount {amount}",
                    code="tranches_above_amount",
                )
            )
    if errors:
        raise ValidationProblem("; ".join(e.message for e in errors), errors=errors)


def schedule_for(
    product: Product,
    *,
    amount: Decimal,
    tenor_periods: int,
    grace_periods: int,
    tariff_rate: Decimal,
    start_date: date,
    first_due_date: date | None = None,
) -> list[Installment]:
    try:
        return build_schedule(
            tranches=[Tranche(start_date, amount)],
            annual_rate=schedule_rate(product, tariff_rate),
            tenor_periods=tenor_periods,
            frequency=Frequency(product.frequency),
            method=InterestMethod(product.method),
            grace_periods=grace_periods,
            first_due_date=first_due_date,
            rounding=product.rounding,
        )
    except ScheduleError as exc:
        raise ValidationProblem(str(exc)) from exc


def schedule_out(
    product: Product,
    installments: list[Installment],
    *,
    amount: Decimal,
    tariff_rate: Decimal,
    rate_date: date,
    tenor_periods: int,
    grace_periods: int,
    start_date: date,
) -> SchedulePreviewOut:
    interest = total_interest(installments)
    principal = sum((i.principal for i in installments), ZERO)
    return SchedulePreviewOut(
        amount=amount,
        annual_rate=schedule_rate(product, tariff_rate),
        tariff_rate=tariff_rate,
        rate_date=rate_date,
        tenor_periods=tenor_periods,
        grace_periods=grace_periods,
        frequency=Frequency(product.frequency),
        method=InterestMethod(product.method),
        rounding=product.rounding,
        start_date=start_date,
        total_principal=principal,
        total_interest=interest,
        total_payable=principal + interest,
        installments=[
            InstallmentOut(
                number=i.number,
                due_date=i.due_date,
                principal=i.principal,
                interest=i.interest,
                total=i.total,
                balance_after=i.balance_after,
            )
            for i in installments
        ],
    )


async def preview(
    session: AsyncSession,
    product_id: UUID,
    *,
    amount: Decimal,
    tenor_periods: int,
    grace_periods: int,
    start_date: date,
    first_due_date: date | None,
    rate_date: date | None,
) -> SchedulePreviewOut:
    """A schedule for any terms within the product; nothing is stored."""
    product = await get_product(session, product_id)
    check_terms(
        product,
        amount=amount,
        tenor_periods=tenor_periods,
        grace_periods=grace_periods,
        prefix="query",
    )
    on = rate_date or today()
    tariff = await tariff_on(session, product, on)
    installments = schedule_for(
        product,
        amount=amount,
        tenor_periods=tenor_periods,
        grace_periods=grace_periods,
        tariff_rate=tariff.annual_rate,
        start_date=start_date,
        first_due_date=first_due_date,
    )
    return schedule_out(
        product,
        installments,
        amount=amount,
        tariff_rate=tariff.annual_rate,
        rate_date=on,
        tenor_periods=tenor_periods,
        grace_periods=grace_periods,
        start_date=start_date,
    )


SCHEDULE_CSV_HEADER = ("number", "due_date", "principal", "interest", "total", "balance_after")


def schedule_csv(schedule: SchedulePreviewOut) -> str:
    """One row per installment and a total row, through the platform's one CSV writer."""
    rows: list[list[Any]] = [
        [i.number, i.due_date, i.principal, i.interest, i.total, i.balance_after]
        for i in schedule.installments
    ]
    rows.append(
        [
            "total",
            None,
            schedule.total_principal,
            schedule.total_interest,
            schedule.total_payable,
            None,
        ]
    )
    return write_csv(SCHEDULE_CSV_HEADER, rows)


async def product_out(session: AsyncSession, product: Product) -> ProductOut:
    current = await ProductRepository(session).tariff_on(product.id, today())
    return ProductOut(
        id=product.id,
        fund_id=product.fund_id,
        code=product.code,
        name=product.name,
        purpose=product.purpose,
        pattern=product.pattern,
        akad=Akad(product.akad) if product.akad else None,
        profit_share_ratio=product.profit_share_ratio,
        amount_min=product.amount_min,
        amount_max=product.amount_max,
        tenor_max_periods=product.tenor_max_periods,
        grace_max_periods=product.grace_max_periods,
        frequency=Frequency(product.frequency),
        method=InterestMethod(product.method),
        rounding=product.rounding,
        allocation_order=[AllocationPart(p) for p in product.allocation_order],
        arrears_tolerance_days=product.arrears_tolerance_days,
        max_tranches=product.max_tranches,
        penalty_rate=product.penalty_rate,
        eligibility=EligibilityRules(
            min_age_years=product.min_age_years,
            rat_years_required=product.rat_years_required,
            min_health=product.min_health,
            max_equity_multiple=product.max_equity_multiple,
            require_positive_result=product.require_positive_result,
        ),
        closed_loop_share=product.closed_loop_share,
        active=product.active,
        current_rate=current.annual_rate if current else None,
        created_at=product.created_at,
    )
