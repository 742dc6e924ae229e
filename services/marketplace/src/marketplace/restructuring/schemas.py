"""The moves a restructuring made, as the API answers them."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict

from kopmod_shared.schemas.registry import RestructuringKind


class TransferOut(BaseModel):
    """One offer, proposal or contract moved from a predecessor to its successor."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    restructuring_id: UUID
    event_id: UUID
    kind: RestructuringKind
    entity: str
    entity_id: UUID
    from_cooperative_id: UUID
    to_cooperative_id: UUID
    at: datetime


class TransferList(BaseModel):
    items: list[TransferOut]
