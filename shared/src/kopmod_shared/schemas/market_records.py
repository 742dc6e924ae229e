"""What the marketplace answers about its records: commodities (units, grades), offtakers,
cooperatives' supply offers and offtakers' demand, with the terms they carry (place, price,
payment, recurrence). The marketplace declares its responses with these models and the console
reads them through ``kopmod_shared.clients.marketplace``, so a changed answer is a changed type
on both sides. Every amount and quantity is a decimal string."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import (
    Factor,
    Kilometres,
    Latitude,
    Longitude,
    Money,
    PositiveMoney,
    Quantity,
)

RegionCode = Annotated[str, StringConstraints(pattern=r"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")]


class CertificationScheme(StrEnum):
    halal = "halal"
    organic = "organic"
    ispo = "ispo"
    rspo = "rspo"
    sni = "sni"
    haccp = "haccp"
    rainforest_alliance = "rainforest_alliance"
    fairtrade = "fairtrade"


class Location(BaseModel):
    model_config = ConfigDict(extra="forbid")

    latitude: Latitude
    longitude: Longitude
    region_code: RegionCode | None = Field(
        default=None, description="Kemendagri code; empty for a place outside Indonesia."
    )
    place_name: str | None = Field(default=None, max_length=200)


class UnitOut(BaseModel):
    code: str = Field(description="UN/ECE Recommendation 20 code, e.g. `KGM`, `TNE`, `DTN`.")
    name: str
    factor: Factor = Field(description="How many base units one of this unit is.")


class GradeOut(BaseModel):
    code: str
    name: str
    rank: int = Field(
        description="Higher is better; a demand's minimum grade accepts this rank and up."
    )


class CommodityOut(BaseModel):
    code: str
    name: str
    hs_code: str
    base_unit: str = Field(description="Quantities are stored and answered in this unit.")
    units: list[UnitOut]
    grades: list[GradeOut]


class OfftakerKind(StrEnum):
    processor = "processor"
    exporter = "exporter"
    retailer = "retailer"
    state_owned = "state_owned"
    other = "other"


class VerificationStatus(StrEnum):
    unverified = "unverified"
    verified = "verified"
    suspended = "suspended"


class OfftakerOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    name: str
    kind: OfftakerKind
    region_code: str
    latitude: Latitude
    longitude: Longitude
    verification_status: VerificationStatus
    contact_name: str
    contact_email: str
    contact_phone: str | None
    created_at: datetime


class OfferStatus(StrEnum):
    open = "open"
    partially_committed = "partially_committed"
    committed = "committed"
    withdrawn = "withdrawn"
    expired = "expired"


class Period(StrEnum):
    one_off = "one_off"
    weekly = "weekly"
    monthly = "monthly"


class Certification(BaseModel):
    model_config = ConfigDict(extra="forbid", from_attributes=True)

    scheme: CertificationScheme
    number: str = Field(min_length=1, max_length=100)
    issuer: str = Field(min_length=1, max_length=200, examples=["BPJPH"])
    valid_from: BoundedDate
    valid_to: BoundedDate


class OfferOut(BaseModel):
    id: UUID
    cooperative_id: UUID
    cooperative_name: str
    commodity_code: str
    base_unit: str
    grade: str | None
    quantity: Quantity = Field(description="Per period, in `base_unit`.")
    remaining_quantity: Quantity = Field(
        description="`capacity_total` less what accepted proposals have committed, in "
        "`base_unit`: what matching may still allocate from this offer."
    )
    entered_quantity: Quantity
    entered_unit: str
    period: Period
    periods: int = Field(
        description="How many periods the window spans from `window_start` (1 for `one_off`; "
        "a last period cut short by `window_end` counts in full)."
    )
    capacity_total: Quantity = Field(
        description="`quantity` x `periods`: what the offer supplies over its whole window, "
        "in `base_unit`."
    )
    min_order: Quantity | None
    order_multiple: Quantity | None
    window_start: date
    window_end: date
    location: Location
    location_source: str = Field(description="`registry` (the cooperative's) or `given`.")
    asking_price: PositiveMoney
    certifications: list[Certification]
    status: OfferStatus
    created_at: datetime


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
