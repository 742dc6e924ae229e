"""Supply offer requests and answers: quantity per period, window, asking price,
certifications, and the offer's states."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.dates import BoundedDate
from kopmod_shared.money import PositiveMoney, PositiveQuantity
from kopmod_shared.schemas.market_records import (
    Certification as Certification,
)
from kopmod_shared.schemas.market_records import (
    OfferOut as OfferOut,
)
from kopmod_shared.schemas.market_records import (
    OfferStatus as OfferStatus,
)
from kopmod_shared.schemas.market_records import (
    Period as Period,
)
from marketplace.common import Location


class OfferCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "commodity_code": "coffee_green",
                    "grade": "mutu_2",
                    "quantity": "6",
                    "unit": "TNE",
                    "window_start": "2026-01-20",
                    "window_end": "2026-05-15",
                    "asking_price": "50000",
                    "location": {"latitude": -7.2, "longitude": 107.9, "region_code": "32.05"},
                }
            ]
        },
    )

    cooperative_id: UUID | None = Field(
        default=None,
        description="The offering cooperative: the token's own for a cooperative (may be "
        "omitted), required when an admin posts on its behalf.",
    )
    commodity_code: str = Field(max_length=40)
    grade: str | None = Field(default=None, max_length=30)
    quantity: PositiveQuantity = Field(
        description="Available in each period, in `unit`. Over the window the offer supplies "
        "`quantity` x the number of periods the window spans (see `period`)."
    )
    unit: str | None = Field(default=None, max_length=8)
    period: Period = Field(
        default=Period.one_off,
        description="`one_off`: `quantity` once over the whole window. `weekly`: `quantity` in "
        "each 7-day period counted from `window_start`. `monthly`: `quantity` in each calendar "
        "month counted from `window_start`'s day. A last period cut short by `window_end` counts "
        "in full. Contract schedules may put at most `quantity` into any one period.",
    )
    min_order: PositiveQuantity | None = Field(default=None, description="In `unit`.")
    order_multiple: PositiveQuantity | None = Field(default=None, description="In `unit`.")
    window_start: BoundedDate
    window_end: BoundedDate
    location: Location | None = Field(
        default=None,
        description="Where the goods are; the cooperative's registry location if omitted.",
    )
    asking_price: PositiveMoney = Field(description="Rupiah per base unit.")
    certifications: list[Certification] = Field(default_factory=list, max_length=20)


class OfferUpdate(BaseModel):
    """What changes; what is omitted stays. ``null`` clears ``min_order`` or
    ``order_multiple``."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"asking_price": "48000", "quantity": "7", "unit": "TNE"}]},
    )

    grade: str | None = Field(default=None, max_length=30)
    quantity: PositiveQuantity | None = Field(default=None, description="Per period, in `unit`.")
    unit: str | None = Field(
        default=None,
        max_length=8,
        description="Of the quantities given; the offer's own if omitted.",
    )
    min_order: PositiveQuantity | None = None
    order_multiple: PositiveQuantity | None = None
    window_start: BoundedDate | None = None
    window_end: BoundedDate | None = None
    asking_price: PositiveMoney | None = Field(default=None, description="Rupiah per base unit.")
