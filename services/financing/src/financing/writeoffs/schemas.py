"""The write-off request."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WriteOffCreate(_In):
    reason: str = Field(min_length=3, max_length=500)
