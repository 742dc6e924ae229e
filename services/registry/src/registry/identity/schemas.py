"""API client requests and answers, the token answer and the JWKS document."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from kopmod_shared.auth import ORG_BOUND_ROLES, Role

Scope = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_.:-]{0,99}$")]


class ClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["Bank Jabar integration"])
    role: Role
    org_id: UUID | None = Field(
        default=None,
        description="Cooperative id (role cooperative) or offtaker id (role offtaker); required "
        "for those roles, refused for the others.",
    )
    scopes: list[Scope] = Field(default_factory=list, max_length=50)
    client_id: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9_.-]{2,99}$",
        description="Chosen id; generated when omitted.",
    )

    @model_validator(mode="after")
    def _org_binding(self) -> ClientCreate:
        if self.role in ORG_BOUND_ROLES and self.org_id is None:
            raise ValueError(f"role {self.role.value} must be bound to an org_id")
        if self.role not in ORG_BOUND_ROLES and self.org_id is not None:
            raise ValueError(f"role {self.role.value} is not bound to an organisation")
        return self


class ClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    scopes: list[Scope] | None = Field(default=None, max_length=50)
    active: bool | None = None


class ClientOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    client_id: str
    name: str
    role: Role
    org_id: UUID | None
    scopes: list[str]
    active: bool
    created_at: datetime
    last_token_at: datetime | None


class ClientWithSecret(ClientOut):
    client_secret: str = Field(description="Shown once, now: store it; only its hash is kept.")


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    scope: str


class JWKS(BaseModel):
    keys: list[dict[str, str]]
