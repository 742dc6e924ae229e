"""The API clients table: who may ask for a token, with its role, organisation and scopes."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ARRAY, BigInteger, Boolean, DateTime, Identity, Index, String, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from kopmod_shared.ids import new_id
from registry.models import Base


class ApiClient(Base):
    """A caller of the platform: a partner system, a cooperative's app, an officer's tool."""

    __tablename__ = "api_clients"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # SHA-256 of a 256-bit random secret: the secret has full entropy, so a slow KDF adds
    # nothing but latency on every token request.
    secret_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(30))
    org_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    scopes: Mapped[list[str]] = mapped_column(ARRAY(String(100)), default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    last_token_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class TokenRequestAudit(Base):
    """The audit trail of refused client-secret attempts on ``POST /v1/oauth/token``: wrong or
    unknown credentials and requests refused during a lockout. It is also what the lockout
    counts (registry.identity.throttle), so every replica sees the same failures."""

    __tablename__ = "token_request_audit"
    __table_args__ = (
        Index("ix_token_request_audit_client_at", "client_id", "at"),
        Index("ix_token_request_audit_address_at", "address", "at"),
    )

    id: Mapped[int] = mapped_column(BigInteger, Identity(), primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # As sent (possibly no such client), cut to the form field's 100 characters.
    client_id: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(100))
    # wrong_secret (also an unknown client id: the caller is not told which) or locked_out.
    outcome: Mapped[str] = mapped_column(String(30))
    request_id: Mapped[str | None] = mapped_column(String(128))
