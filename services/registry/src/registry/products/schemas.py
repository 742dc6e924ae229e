"""Product requests and answers."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from registry.validation import HSCode, ShortText


class ProductIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortText = Field(examples=["Kopi arabika Gayo, green bean"])
    hs_code: HSCode
    processed: bool = Field(description="Processed (value added) rather than raw.")
    domestic_market: bool = True
    export_market: bool = False
    description: str | None = Field(default=None, max_length=2000)


class ProductUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortText | None = None
    hs_code: HSCode | None = None
    processed: bool | None = None
    domestic_market: bool | None = None
    export_market: bool | None = None
    description: str | None = Field(default=None, max_length=2000)


class ProductOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    cooperative_id: UUID
    name: str
    hs_code: str
    processed: bool
    domestic_market: bool
    export_market: bool
    description: str | None
    created_at: datetime
    updated_at: datetime
