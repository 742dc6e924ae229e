"""Numbers on the wire: ``Decimal`` end to end, a JSON string on the wire, ``NUMERIC`` in Postgres.

Every decimal a schema carries is one of the types below, and each type is built from ONE
:class:`NumberFormat` (digits before the point, digits after it, sign allowed or not). From that
format come both the regular expression published in the OpenAPI documents and the parser
(``re.fullmatch`` of the same compiled expression before ``Decimal(...)``), so what the documents
say and what the services accept cannot drift apart (``shared/tests/test_numbers.py`` checks it).

The grammar (docs/numbers.md): ASCII digits, at most one leading ``-`` where the type is signed, an
optional ``.`` followed by 1..scale digits. Nothing else: no exponent (``"1e9"``), no ``+``, no
blanks, no trailing point (``"100."``), no ``_``, no other script's digits, no ``NaN``/``Infinity``.
A JSON integer within the digit limit is accepted too (exact, and common in hand-written calls);
JSON floats and booleans are refused (``0.1`` has lost exactness before it reaches us).

A computed share of a whole (a fulfilment rate, the share of installments paid on time) is a
:data:`Proportion`: the same string grammar, 0 to 1 at 4 decimals, rounded half-even where the
service computes it. The few values that stay JSON floats (coordinates, distances, matching
scores) are the float types at the bottom; each carries ``x-float-reason`` in the documents.

Answers are canonical: always exactly ``scale`` decimals (money ``"100000000.00"``, a rate
``"0.03000000"``), never an exponent, never ``-0``. Parsed values are quantized to the scale (an
exact operation, the grammar already bounds the decimals), so ``format(value, "f")`` of any value
a model holds is canonical as well.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, PlainSerializer, WithJsonSchema
from sqlalchemy import Numeric

CENT = Decimal("0.01")
ZERO = Decimal("0")
MONEY_SQL = Numeric(20, 2)
RATE_SQL = Numeric(12, 8)

INTEGERS_NOTE = "A JSON integer within the same digit limit is accepted as well."


class NumberFormat:
    """One decimal grammar: ``[-]D{1,digits}[.D{1,scale}]`` with ASCII digits only."""

    def __init__(self, name: str, *, digits: int, scale: int, signed: bool = False) -> None:
        if digits < 1 or scale < 0:
            raise ValueError("a number format needs at least one digit and a scale >= 0")
        self.name = name
        self.digits = digits
        self.scale = scale
        self.signed = signed
        sign = "-?" if signed else ""
        fraction = rf"(?:\.[0-9]{{1,{scale}}})?" if scale else ""
        self.core = rf"{sign}[0-9]{{1,{digits}}}{fraction}"
        # ``^...$`` is what JSON Schema (ECMA-262) needs; the parser uses ``fullmatch`` of the
        # same expression, which (unlike ``$`` in Python) does not let a trailing newline through.
        self.pattern = f"^{self.core}$"
        self.regex = re.compile(self.core, re.ASCII)
        self.unit = Decimal(1).scaleb(-scale)
        self.limit = Decimal(10) ** digits

    def __repr__(self) -> str:
        return f"NumberFormat({self.name!r}, digits={self.digits}, scale={self.scale})"

    @property
    def example_zero(self) -> str:
        return self.format(ZERO)

    def _fit(self, value: Decimal) -> Decimal:
        """``value`` at exactly ``scale`` decimals, or ValueError if that would change it."""
        if not value.is_finite():
            raise ValueError(f"{self.name} must be a finite number")
        if value < 0 and not self.signed:
            raise ValueError(f"{self.name} must not be negative")
        if abs(value) >= self.limit:
            raise ValueError(f"{self.name} has more than {self.digits} digits before the point")
        try:
            fitted = value.quantize(self.unit)
        except InvalidOperation as exc:  # more digits than the context holds
            raise ValueError(f"{self.name} has too many digits") from exc
        if fitted != value:
            raise ValueError(f"{self.name} has more than {self.scale} decimals")
        return fitted.copy_abs() if fitted == 0 else fitted

    def parse(self, value: Any) -> Decimal:
        """Accept exactly the published grammar (or an int / an internal Decimal); else ValueError.

        The message names the grammar; pydantic adds the field's location."""
        if isinstance(value, bool):
            raise ValueError(f"{self.name} must be a decimal string, not a boolean")
        if isinstance(value, float):
            raise ValueError(
                f'{self.name} must be a decimal string (e.g. "{self.example_zero}"), not a float'
                " (a JSON number with a point or an exponent)"
            )
        if isinstance(value, str):
            if self.regex.fullmatch(value) is None:
                raise ValueError(
                    f"{self.name} must match {self.pattern} (ASCII digits, at most "
                    f"{self.digits} before the point and {self.scale} after it, no exponent, "
                    f'sign or blanks), e.g. "{self.example_zero}"'
                )
            return self._fit(Decimal(value))
        if isinstance(value, int):
            return self._fit(Decimal(value))
        if isinstance(value, Decimal):  # a value from the database or the service's own code
            return self._fit(value)
        raise ValueError(f"{self.name} must be a decimal string")

    def format(self, value: Decimal) -> str:
        """The canonical text: exactly ``scale`` decimals, rounded half-even, no exponent, no -0.

        Rounds (rather than refuses) because it also renders computed figures (a limit that is a
        multiple of equity, a monthly share of a surplus) whose exact value has more decimals."""
        if isinstance(value, bool | float) or not isinstance(value, Decimal | int):
            raise TypeError(f"{self.name} renders a Decimal or an int, not {type(value).__name__}")
        fitted = Decimal(value).quantize(self.unit, rounding=ROUND_HALF_EVEN)
        if fitted == 0:
            fitted = fitted.copy_abs()
        return format(fitted, "f")

    def format_optional(self, value: Decimal | None) -> str | None:
        return None if value is None else self.format(value)


def quantize(amount: Decimal, unit: Decimal = CENT) -> Decimal:
    return amount.quantize(unit, rounding=ROUND_HALF_EVEN)


def _out(fmt: NumberFormat) -> PlainSerializer:
    return PlainSerializer(fmt.format, return_type=str, when_used="json")


def _schema(fmt: NumberFormat, example: str, description: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": fmt.pattern,
            "description": f"{description} {INTEGERS_NOTE}",
            "examples": [example],
        }
    )


# --- the formats ---------------------------------------------------------------------------------
# Digits before the point follow the NUMERIC columns: NUMERIC(20, 2) holds 18 + 2.

MONEY = NumberFormat("amount", digits=18, scale=2, signed=True)
UNSIGNED_MONEY = NumberFormat("amount", digits=18, scale=2)
RATE = NumberFormat("rate", digits=4, scale=8)
QUANTITY = NumberFormat("quantity", digits=17, scale=3)
SHARE = NumberFormat("share", digits=1, scale=4)
PERCENT = NumberFormat("percent", digits=3, scale=2)
MULTIPLE = NumberFormat("multiple", digits=8, scale=2)
RATIO = NumberFormat("ratio", digits=16, scale=4, signed=True)
FACTOR = NumberFormat("factor", digits=14, scale=6)
PROPORTION = NumberFormat("proportion", digits=1, scale=4)

FORMATS = {
    "Money": MONEY,
    "PositiveMoney": UNSIGNED_MONEY,
    "NonNegativeMoney": UNSIGNED_MONEY,
    "Rate": RATE,
    "Quantity": QUANTITY,
    "PositiveQuantity": QUANTITY,
    "Share": SHARE,
    "Percent": PERCENT,
    "Multiple": MULTIPLE,
    "Ratio": RATIO,
    "Factor": FACTOR,
    "Proportion": PROPORTION,
}
"""Each public type and the one format it is built from (the tests iterate over this)."""

_MONEY_TEXT = "An amount in rupiah: a decimal string with at most 2 decimals, answered with 2."

Money = Annotated[
    Decimal,
    BeforeValidator(MONEY.parse),
    _out(MONEY),
    _schema(MONEY, "1500000.00", f"{_MONEY_TEXT} May be negative where a rule allows."),
]
"""An amount in rupiah with at most 2 decimals; may be negative where a schema allows it."""

PositiveMoney = Annotated[
    Decimal,
    BeforeValidator(UNSIGNED_MONEY.parse),
    Field(gt=0),
    _out(UNSIGNED_MONEY),
    _schema(UNSIGNED_MONEY, "1500000.00", f"{_MONEY_TEXT} Greater than 0."),
]
NonNegativeMoney = Annotated[
    Decimal,
    BeforeValidator(UNSIGNED_MONEY.parse),
    Field(ge=0),
    _out(UNSIGNED_MONEY),
    _schema(UNSIGNED_MONEY, "0.00", f"{_MONEY_TEXT} 0 or more."),
]
Rate = Annotated[
    Decimal,
    BeforeValidator(RATE.parse),
    Field(ge=0, le=10),
    _out(RATE),
    _schema(
        RATE,
        "0.03000000",
        "A rate as a fraction (0.03 is 3% a year): at most 8 decimals, answered with 8; 0 to 10.",
    ),
]
"""A rate as a fraction (``"0.03"`` is 3% a year)."""

Quantity = Annotated[
    Decimal,
    BeforeValidator(QUANTITY.parse),
    Field(ge=0),
    _out(QUANTITY),
    _schema(
        QUANTITY,
        "1000.000",
        "A quantity in the commodity's unit: at most 3 decimals, answered with 3; 0 or more.",
    ),
]
PositiveQuantity = Annotated[
    Decimal,
    BeforeValidator(QUANTITY.parse),
    Field(gt=0),
    _out(QUANTITY),
    _schema(
        QUANTITY,
        "1000.000",
        "A quantity in the commodity's unit: at most 3 decimals, answered with 3; greater than 0.",
    ),
]
Share = Annotated[
    Decimal,
    BeforeValidator(SHARE.parse),
    Field(ge=0, le=1),
    _out(SHARE),
    _schema(SHARE, "0.2500", "A share of 1: at most 4 decimals, answered with 4; 0 to 1."),
]
Percent = Annotated[
    Decimal,
    BeforeValidator(PERCENT.parse),
    Field(ge=0, le=100),
    _out(PERCENT),
    _schema(PERCENT, "50.00", "A percentage: at most 2 decimals, answered with 2; 0 to 100."),
]
Multiple = Annotated[
    Decimal,
    BeforeValidator(MULTIPLE.parse),
    Field(ge=0),
    _out(MULTIPLE),
    _schema(MULTIPLE, "10.00", "A multiple (times): at most 2 decimals, answered with 2."),
]
Ratio = Annotated[
    Decimal,
    BeforeValidator(RATIO.parse),
    _out(RATIO),
    _schema(RATIO, "0.5000", "A computed ratio: 4 decimals, rounded half-even; may be negative."),
]
Factor = Annotated[
    Decimal,
    BeforeValidator(FACTOR.parse),
    Field(gt=0),
    _out(FACTOR),
    _schema(
        FACTOR, "1000.000000", "A conversion factor: at most 6 decimals, answered with 6; > 0."
    ),
]


def _proportion(value: Any) -> Decimal:
    """A proportion from the wire (the grammar) or computed by the service (a Decimal of any
    scale, rounded half-even to 4 places: ``2/3`` is ``0.6667``); 0 to 1 either way."""
    if isinstance(value, Decimal) and value.is_finite():
        value = quantize(value, PROPORTION.unit)
    return PROPORTION.parse(value)


Proportion = Annotated[
    Decimal,
    BeforeValidator(_proportion),
    Field(ge=0, le=1),
    _out(PROPORTION),
    _schema(
        PROPORTION,
        "0.7600",
        "A computed share of a whole, 0 to 1: 4 decimals, rounded half-even (0.7600 is 76%).",
    ),
]
"""A computed share of a whole (0 to 1, 4 decimals): fulfilment rates, on-time shares."""


# --- the floats that remain ----------------------------------------------------------------------
# JSON numbers on purpose: measurements and rankings, never an amount, a rate or a quantity. Each
# says why in the documents (``x-float-reason``; ``tests/test_number_documents.py`` fails on a
# ``number`` without one).

FLOAT_REASON = "x-float-reason"
_COORDINATE = (
    "A WGS84 coordinate in decimal degrees: a position measured by GPS, never added to money; a "
    "float holds it to well under a metre."
)
_DISTANCE = (
    "A great-circle distance in kilometres computed from two coordinates: a measurement used to "
    "filter and rank, never booked."
)
_SCORE = (
    "A matching score (0 to 1) computed by the matching engine to rank candidates; compared, "
    "never booked or summed into an amount."
)


def _float(reason: str) -> Any:
    return Field(json_schema_extra={FLOAT_REASON: reason})


Latitude = Annotated[float, Field(ge=-90, le=90), _float(_COORDINATE)]
Longitude = Annotated[float, Field(ge=-180, le=180), _float(_COORDINATE)]
Kilometres = Annotated[float, Field(ge=0), _float(_DISTANCE)]
MatchScore = Annotated[float, _float(_SCORE)]
MatchWeight = Annotated[
    float,
    _float(
        "The weight of one factor in the matching score: a setting of a ranking, compared and "
        "multiplied, never booked."
    ),
]
