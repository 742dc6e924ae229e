"""Money: ``Decimal`` end to end, a JSON string on the wire, ``NUMERIC`` in Postgres.

Floats are refused on input: ``0.1`` as a JSON number has already lost exactness by the time it
is parsed. Send amounts as strings (``"1500000.00"``) or integers.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from sqlalchemy import Numeric

CENT = Decimal("0.01")
ZERO = Decimal("0")
MONEY_SQL = Numeric(20, 2)
RATE_SQL = Numeric(12, 8)


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("amount must be a decimal string or an integer, not a boolean")
    if isinstance(value, float):
        raise ValueError('amount must be a decimal string (e.g. "1500000.00"), not a float')
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip())
        except InvalidOperation as exc:
            raise ValueError("amount is not a decimal number") from exc
        if not parsed.is_finite():
            raise ValueError("amount must be finite")
        return parsed
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError("amount must be finite")
    return value


def quantize(amount: Decimal, unit: Decimal = CENT) -> Decimal:
    return amount.quantize(unit, rounding=ROUND_HALF_EVEN)


_MONEY_SCHEMA = WithJsonSchema(
    {"type": "string", "pattern": r"^-?\d{1,18}(\.\d{1,2})?$", "examples": ["1500000.00"]}
)
_RATE_SCHEMA = WithJsonSchema(
    {"type": "string", "pattern": r"^-?\d{1,4}(\.\d{1,8})?$", "examples": ["0.03"]}
)
_as_str = PlainSerializer(lambda d: format(d, "f"), return_type=str, when_used="json")

Money = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(max_digits=20, decimal_places=2),
    _as_str,
    _MONEY_SCHEMA,
]
"""An amount in rupiah with at most 2 decimals; may be negative where a schema allows it."""

PositiveMoney = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(gt=0, max_digits=20, decimal_places=2),
    _as_str,
    WithJsonSchema(
        {"type": "string", "pattern": r"^\d{1,18}(\.\d{1,2})?$", "examples": ["1500000.00"]}
    ),
]

NonNegativeMoney = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(ge=0, max_digits=20, decimal_places=2),
    _as_str,
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,18}(\.\d{1,2})?$", "examples": ["0.00"]}),
]

Rate = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(ge=0, le=10, max_digits=12, decimal_places=8),
    _as_str,
    _RATE_SCHEMA,
]
"""A rate as a fraction (``"0.03"`` is 3% a year)."""

Quantity = Annotated[
    Decimal,
    BeforeValidator(_to_decimal),
    Field(ge=0, max_digits=20, decimal_places=3),
    _as_str,
    WithJsonSchema({"type": "string", "pattern": r"^\d{1,17}(\.\d{1,3})?$", "examples": ["1000"]}),
]
