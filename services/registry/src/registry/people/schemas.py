"""Wire shapes of person accounts: invitations, people, memberships, password and email changes."""

from __future__ import annotations

from datetime import datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from kopmod_shared.auth import ORG_BOUND_ROLES, Role

Language = Literal["id", "en"]


class InvitationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr = Field(max_length=254)
    name: str = Field(min_length=1, max_length=200)
    language: Language = "id"
    role: Role
    org_id: UUID | None = Field(
        default=None,
        description="Cooperative id (role cooperative) or offtaker id (role offtaker).",
    )

    @model_validator(mode="after")
    def _org_binding(self) -> InvitationCreate:
        if self.role in ORG_BOUND_ROLES and self.org_id is None:
            raise ValueError(f"role {self.role.value} must be bound to an org_id")
        if self.role not in ORG_BOUND_ROLES and self.org_id is not None:
            raise ValueError(f"role {self.role.value} is not bound to an organisation")
        return self


class MembershipOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    role: Role
    org_id: UUID | None
    active: bool
    created_at: datetime


class PersonOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    name: str
    email: str
    email_verified: bool
    phone: str | None
    language: Language
    status: Literal["invited", "active", "locked", "disabled"]
    second_factor: bool
    memberships: list[MembershipOut]
    created_at: datetime


class PersonUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 ]{6,20}$")
    language: Language | None = None


class StatusUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["active", "disabled"]


class MembershipUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    active: bool


class PasswordChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    current_password: str = Field(max_length=200)
    password: str = Field(max_length=200)


class EmailChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    new_email: EmailStr = Field(max_length=254)
    password: str = Field(max_length=200)


class SignInOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    address: str
    client_id: str | None
    outcome: str


class AccessOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    at: datetime
    actor: str
    actor_client: str | None
    actor_role: str
    action: str


class PersonExport(BaseModel):
    """Everything the platform keeps about the person (UU 27/2022 right of access)."""

    person: PersonOut
    signins: list[SignInOut]
    accesses: list[AccessOut]


class RecipientOut(BaseModel):
    """A person to notify, with only what a notification needs (docs/privacy.md)."""

    model_config = ConfigDict(from_attributes=True)

    person_id: UUID
    name: str
    email: str
    language: Language
    role: Role
    org_id: UUID | None
