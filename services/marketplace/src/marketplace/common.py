"""Types and helpers several marketplace modules share."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import Numeric

from kopmod_shared.auth import Principal, Role
from kopmod_shared.money import Latitude, Longitude

QTY_SQL = Numeric(20, 3)
"""Quantities in the commodity's base unit."""

READ_SCOPE = "marketplace:read"
MATCH_SCOPE = "marketplace:match"

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


def can_read_all(principal: Principal | None) -> bool:
    """Admin, services, and partners holding ``marketplace:read`` see every object."""
    if principal is None:
        return False
    return principal.role in (Role.admin, Role.service) or (
        principal.role is Role.partner and principal.has_scope(READ_SCOPE)
    )


def may_subscribe(principal: Principal) -> bool:
    """Who may subscribe to the marketplace's events: an organisation (cooperative or offtaker,
    which hears only about itself) and whoever reads every object (:func:`can_read_all`)."""
    return principal.org_id is not None or can_read_all(principal)


def windows_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> int:
    """Days two inclusive windows share (0 when they do not meet)."""
    return max(0, (min(a_end, b_end) - max(a_start, b_start)).days + 1)
