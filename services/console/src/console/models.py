"""The console's own tables: people's sessions and sign-ins in progress. Nothing of the
platform's business lives here; pages read it from the services with the person's token."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, LargeBinary, String, func
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kopmod_shared.db import make_metadata


class Base(DeclarativeBase):
    metadata = make_metadata()


class ConsoleSession(Base):
    """A signed-in browser. ``id`` is the SHA-256 of the cookie's random value (the cookie is
    never stored); the provider's tokens are sealed with a key derived from that value, so the
    table alone opens nothing (docs/console.md, "Sessions")."""

    __tablename__ = "console_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200), index=True)
    role: Mapped[str] = mapped_column(String(30))
    org_id: Mapped[str | None] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2))
    csrf: Mapped[str] = mapped_column(String(64))
    # AES-GCM sealed JSON {access_token, refresh_token, id_token}.
    tokens: Mapped[bytes] = mapped_column(LargeBinary)
    access_expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class PendingSignIn(Base):
    """Between sending the browser to the provider and its return: the PKCE verifier, nonce and
    where to go back to, keyed by the SHA-256 of ``state`` (single use, minutes long)."""

    __tablename__ = "console_pending_sign_ins"

    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    browser_hash: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    nonce: Mapped[str] = mapped_column(String(64))
    return_to: Mapped[str] = mapped_column(String(500))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


# Each feature's tables, so Alembic sees them.
from console.notifications import models as _notifications  # noqa: E402, F401
