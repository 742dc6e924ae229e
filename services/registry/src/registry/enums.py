"""Registry-only vocabularies (those other services read are in kopmod_shared.schemas.registry)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import Enum


class MembershipArea(StrEnum):
    """Where members may come from; decides which level of government supervises."""

    regency = "regency"
    province = "province"
    national = "national"


class ScaleBand(StrEnum):
    """Turnover bands (mikro up to Rp2bn ... besar above Rp50bn)."""

    mikro = "mikro"
    kecil = "kecil"
    menengah = "menengah"
    besar = "besar"


class MemberGroupKind(StrEnum):
    founder = "founder"
    worker = "worker"
    user_producer = "user_producer"
    investor = "investor"
    other = "other"


class MentoringFocus(StrEnum):
    capital_access = "capital_access"
    market_access = "market_access"
    governance = "governance"
    technology = "technology"


class ParticipantRole(StrEnum):
    predecessor = "predecessor"
    successor = "successor"


def db_enum(enum: type[StrEnum], name: str) -> Any:
    """A VARCHAR with a CHECK constraint: values are the enum's values, easy to COPY and migrate."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=30,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )
