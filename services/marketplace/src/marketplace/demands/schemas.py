"""Demand requests and answers: quantity, price terms (fixed, range or formula), recurrence,
delivery (Incoterms) and payment terms, and the demand's states."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import Kilometres, PositiveQuantity
from kopmod_shared.schemas.market_records import (
    DemandOut as DemandOut,
)
from kopmod_shared.schemas.market_records import (
    DemandStatus as DemandStatus,
)
from kopmod_shared.schemas.market_records import (
    Incoterm as Incoterm,
)
from kopmod_shared.schemas.market_records import (
    Interval as Interval,
)
from kopmod_shared.schemas.market_records import (
    Market as Market,
)
from kopmod_shared.schemas.market_records import (
    PaymentTerms as PaymentTerms,
)
from kopmod_shared.schemas.market_records import (
    PriceAdjustment as PriceAdjustment,
)
from kopmod_shared.schemas.market_records import (
    PriceTerms as PriceTerms,
)
from kopmod_shared.schemas.market_records import (
    PriceType as PriceType,
)
from kopmod_shared.schemas.market_records import (
    Recurrence as Recurrence,
)
from kopmod_shared.schemas.market_records import (
    RecurrenceKind as RecurrenceKind,
)
from marketplace.common import CertificationScheme, Location


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
