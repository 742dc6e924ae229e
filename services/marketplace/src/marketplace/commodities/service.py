"""Commodity rules: unit conversion into the base unit and grade lookup."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from kopmod_shared.errors import NotFound, ValidationProblem
from kopmod_shared.pagination import Page, PageParams
from marketplace.commodities.models import Commodity
from marketplace.commodities.repository import CommodityRepository
from marketplace.commodities.schemas import CommodityOut, GradeOut, UnitOut

QTY_STEP = Decimal("0.001")


@dataclass(frozen=True)
class CommodityInfo:
    commodity: Commodity
    factors: dict[str, Decimal]  # unit code -> base units
    grade_ranks: dict[str, int]

    @property
    def code(self) -> str:
        return self.commodity.code

    @property
    def base_unit(self) -> str:
        return self.commodity.base_unit


async def load(repo: CommodityRepository, code: str, field: str) -> CommodityInfo:
    commodity = await repo.get(code)
    if commodity is None:
        raise ValidationProblem.for_field(field, f"unknown commodity {code!r}", "unknown_commodity")
    units = await repo.units_of(code)
    grades = await repo.grades_of(code)
    return CommodityInfo(
        commodity=commodity,
        factors={cu.unit_code: cu.factor for cu, _ in units},
        grade_ranks={g.code: g.rank for g in grades},
    )


async def to_base(
    repo: CommodityRepository,
    info: CommodityInfo,
    quantity: Decimal,
    unit: str | None,
    field: str,
) -> Decimal:
    """``quantity`` in ``unit`` expressed in the commodity's base unit (3 decimals, exact)."""
    unit = unit or info.base_unit
    if unit not in info.factors:
        if await repo.unit(unit) is None:
            raise ValidationProblem.for_field(field, f"unknown unit {unit!r}", "unknown_unit")
        raise ValidationProblem.for_field(
            field,
            f"unit {unit} cannot be converted to {info.code}'s base unit {info.base_unit}; "
            f"allowed: {', '.join(sorted(info.factors))}",
            "unit_not_convertible",
        )
    base = quantity * info.factors[unit]
    if base != base.quantize(QTY_STEP):
        raise ValidationProblem.for_field(
            field, "quantity has more precision than 0.001 of the base unit", "precision"
        )
    return base.quantize(QTY_STEP)


def grade_rank(info: CommodityInfo, grade: str | None, field: str) -> int | None:
    if grade is None:
        return None
    if not info.grade_ranks:
        raise ValidationProblem.for_field(field, f"{info.code} has no grades", "no_grades")
    if grade not in info.grade_ranks:
        raise ValidationProblem.for_field(
            field,
            f"unknown grade {grade!r} for {info.code}; known: {', '.join(info.grade_ranks)}",
            "unknown_grade",
        )
    return info.grade_ranks[grade]


async def describe(repo: CommodityRepository, code: str) -> CommodityOut:
    commodity = await repo.get(code)
    if commodity is None:
        raise NotFound(f"no commodity {code}")
    return await _out(repo, commodity)


async def list_page(repo: CommodityRepository, page: PageParams) -> Page[CommodityOut]:
    rows, cursor = await repo.page(page)
    return Page[CommodityOut](items=[await _out(repo, c) for c in rows], next_cursor=cursor)


async def _out(repo: CommodityRepository, c: Commodity) -> CommodityOut:
    return CommodityOut(
        code=c.code,
        name=c.name,
        hs_code=c.hs_code,
        base_unit=c.base_unit,
        units=[
            UnitOut(code=u.code, name=u.name, factor=cu.factor)
            for cu, u in await repo.units_of(c.code)
        ],
        grades=[
            GradeOut(code=g.code, name=g.name, rank=g.rank) for g in await repo.grades_of(c.code)
        ],
    )
