"""Demand requests and answers: quantity, price terms (fixed, range or formula), recurrence,
delivery (Incoterms) and payment terms, and the demand's states."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Kilometres, Money, PositiveMoney, PositiveQuantity, Quantity
from marketplace.common import CertificationScheme, Location


class DemandStatus(StrEnum):
    draft = "draft"
    open = "open"
    partially_allocated = "partially_allocated"
    allocated = "allocated"
    closed = "closed"
    cancelled = "cancelled"
    expired = "expired"


class PriceType(StrEnum):
    fixed = "fixed"
    range = "range"
    formula = "formula"


class Market(StrEnum):
    domestic = "domestic"
    export = "export"


class Incoterm(StrEnum):
    EXW = "EXW"
    FCA = "FCA"
    CPT = "CPT"
    CIP = "CIP"
    DAP = "DAP"
    DPU = "DPU"
    DDP = "DDP"
    FAS = "FAS"
    FOB = "FOB"
    CFR = "CFR"
    CIF = "CIF"


class PriceAdjustment(BaseModel):
    """A premium (positive) or penalty (negative) of a formula price, per base unit."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["fat above 3.5%, per 0.1%"])
    amount: Money = Field(description="Rupiah per base unit; negative for a penalty.")


class PriceTerms(BaseModel):
    """How the price is set, per base unit of the commodity (e.g. rupiah per kg)."""

    model_config = ConfigDict(extra="forbid")

    type: PriceType
    fixed: PositiveMoney | None = None
    floor: PositiveMoney | None = None
    ceiling: PositiveMoney | None = None
    base: PositiveMoney | None = Field(default=None, description="Formula: the base price.")
    formula: str | None = Field(default=None, max_length=2000, description="Formula in words.")
    adjustments: list[PriceAdjustment] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _complete(self) -> PriceTerms:
        if self.type is PriceType.fixed and self.fixed is None:
            raise ValueError("a fixed price needs `fixed`")
        if self.type is PriceType.range:
            if self.floor is None or self.ceiling is None:
                raise ValueError("a price range needs `floor` and `ceiling`")
            if self.floor > self.ceiling:
                raise ValueError("`floor` is above `ceiling`")
        if self.type is PriceType.formula and (self.base is None or not self.formula):
            raise ValueError("a formula price needs `base` and `formula`")
        return self

    def reference(self) -> Decimal:
        """The price matching compares asking prices against."""
        value = {PriceType.fixed: self.fixed, PriceType.range: self.ceiling}.get(
            self.type, self.base
        )
        assert value is not None
        return value


class RecurrenceKind(StrEnum):
    one_off = "one_off"
    schedule = "schedule"


class Interval(StrEnum):
    weekly = "weekly"
    monthly = "monthly"


class Recurrence(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: RecurrenceKind = RecurrenceKind.one_off
    interval: Interval | None = None
    occurrences: int | None = Field(default=None, ge=2, le=120)

    @model_validator(mode="after")
    def _schedule(self) -> Recurrence:
        if self.kind is RecurrenceKind.schedule and (self.interval is None or not self.occurrences):
            raise ValueError("a schedule needs `interval` and `occurrences`")
        return self


class PaymentTerms(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: int = Field(ge=0, le=365, description="Days after accepted delivery the offtaker pays.")
    description: str | None = Field(default=None, max_length=1000)


class DemandCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "commodity_code": "coffee_green",
                    "min_grade": "mutu_3",
                    "quantity": "5",
                    "unit": "TNE",
                    "window_start": "2026-02-01",
                    "window_end": "2026-04-30",
                    "delivery": {"latitude": -6.91, "longitude": 107.61, "region_code": "32.73"},
                    "max_distance_km": 300,
                    "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
                    "payment_terms": {"days": 14, "description": "transfer after acceptance"},
                    "market": "domestic",
                    "incoterm": "DAP",
                    "incoterm_place": "Bandung roastery",
                }
            ]
        },
    )

    commodity_code: str = Field(max_length=40, examples=["coffee_green"])
    min_grade: str | None = Field(default=None, max_length=30)
    quantity: PositiveQuantity
    unit: str | None = Field(
        default=None, max_length=8, description="UN/ECE code; the commodity's base unit if omitted."
    )
    min_lot: PositiveQuantity | None = Field(
        default=None, description="Smallest quantity per supplier, in `unit`."
    )
    window_start: BoundedDate
    window_end: BoundedDate
    delivery: Location
    max_distance_km: Kilometres | None = Field(
        default=None, gt=0, le=5000, description="Radius around the delivery place for suppliers."
    )
    price: PriceTerms
    price_private: bool = Field(
        default=False, description="Hide the price terms from everyone but the offtaker."
    )
    payment_terms: PaymentTerms
    required_certifications: list[CertificationScheme] = Field(default_factory=list, max_length=8)
    market: Market = Market.domestic
    incoterm: Incoterm | None = None
    incoterm_place: str | None = Field(default=None, max_length=200)
    recurrence: Recurrence = Field(default_factory=Recurrence)
    draft: bool = Field(default=False, description="Keep as draft instead of opening it.")

    @model_validator(mode="after")
    def _incoterm(self) -> DemandCreate:
        if self.incoterm is not None and not self.incoterm_place:
            raise ValueError("an Incoterm needs its named place (`incoterm_place`)")
        return self


class DemandOut(BaseModel):
    id: UUID
    offtaker_id: UUID
    commodity_code: str
    base_unit: str
    min_grade: str | None
    quantity: Quantity
    remaining_quantity: Quantity
    entered_quantity: Quantity
    entered_unit: str
    min_lot: Quantity | None
    window_start: date
    window_end: date
    delivery: Location
    max_distance_km: Kilometres
    price: PriceTerms | None = Field(description="Null when the offtaker keeps it private.")
    price_private: bool
    payment_terms: PaymentTerms
    required_certifications: list[CertificationScheme]
    market: Market
    incoterm: Incoterm | None
    incoterm_place: str | None
    recurrence: Recurrence
    status: DemandStatus
    posted_at: datetime | None
    created_at: datetime
