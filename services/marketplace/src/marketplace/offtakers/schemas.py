"""Offtaker profile requests and answers: kind, location, contact and verification status."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from kopmod_shared.money import Latitude, Longitude
from kopmod_shared.schemas.market_records import (
    OfftakerKind as OfftakerKind,
)
from kopmod_shared.schemas.market_records import (
    OfftakerOut as OfftakerOut,
)
from kopmod_shared.schemas.market_records import (
    VerificationStatus as VerificationStatus,
)
from marketplace.common import RegionCode

Email = Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)]


class OfftakerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["PT Kopi Nusantara"])
    kind: OfftakerKind
    region_code: RegionCode
    latitude: Latitude
    longitude: Longitude
    contact_name: str = Field(min_length=1, max_length=200)
    contact_email: Email
    contact_phone: str | None = Field(default=None, max_length=40)


class OfftakerUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    contact_name: str | None = Field(default=None, min_length=1, max_length=200)
    contact_email: Email | None = None
    contact_phone: str | None = Field(default=None, max_length=40)
    verification_status: VerificationStatus | None = Field(
        default=None, description="Only the platform operator (admin) may change it."
    )
