"""Commodity rules: unit conversion into the base unit and grade lookup.

The reference data (commodities, their units and grades) is seeded by migrations and changed by
no API, so :func:`load` keeps what it read per process and database for
:data:`REFERENCE_SECONDS`: an offer or a demand reads no commodity rows on the request path.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cachetools import TTLCache

from kopmod_shared.errors import NotFound, ValidationProblem
from kopmod_shared.pagination import Page, PageParams
from marketplace.commodities.models import Commodity
from marketplace.commodities.repository import CommodityRepository
from marketplace.commodities.schemas import CommodityOut, GradeOut, UnitOut

QTY_STEP = Decimal("0.001")


@dataclass(frozen=True)
class CommodityInfo:
    """What the rules need of a commodity, as plain values (kept across requests)."""

    code: str
    base_unit: str
    factors: dict[str, Decimal]  # unit code -> base units
    grade_ranks: dict[str, int]


REFERENCE_SECONDS = 300.0
_KEPT: TTLCache[tuple[str, str], CommodityInfo] = TTLCache(maxsize=256, ttl=REFERENCE_SECONDS)


async def load(repo: CommodityRepository, code: str, field: str) -> CommodityInfo:
    """The commodity's units and grades (kept for :data:`REFERENCE_SECONDS`); 422 when the
    commodity is unknown (never kept)."""
    key = (repo.source, code)
    info = _KEPT.get(key)
    if info is not None:
        return info
    commodity = await repo.get(code)
    if commodity is None:
        raise ValidationProblem.for_field(field, f"unknown commodity {code!r}", "unknown_commodity")
    units = await repo.units_of(code)
    grades = await repo.grades_of(code)
    info = CommodityInfo(
        code=commodity.code,
        base_unit=commodity.base_unit,
        factors={cu.unit_code: cu.factor for cu, _ in units},
        grade_ranks={g.code: g.rank for g in grades},
    )
    _KEPT[key] = info
    return info


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
