"""Audit rows as the API answers them."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, ConfigDict


class AuditRecordOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    at: datetime
    actor: str
    actor_client: str | None
    actor_role: str
    actor_org_id: UUID | None
    action: str
    method: str
    path: str
    target_id: UUID | None
    request: dict[str, Any]
    outcome: str
    status_code: int
    problem_type: str | None
    detail: str | None
    request_id: str | None
