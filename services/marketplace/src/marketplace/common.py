"""Types and helpers several marketplace modules share."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Numeric

from kopmod_shared.auth import Principal, Role
from kopmod_shared.schemas.market_records import (
    CertificationScheme as CertificationScheme,
)
from kopmod_shared.schemas.market_records import (
    Location as Location,
)
from kopmod_shared.schemas.market_records import (
    RegionCode as RegionCode,
)

QTY_SQL = Numeric(20, 3)
"""Quantities in the commodity's base unit."""

READ_SCOPE = "marketplace:read"
MATCH_SCOPE = "marketplace:match"


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
