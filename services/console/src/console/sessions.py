"""Server-side sessions in the console's Postgres database.

The browser holds one random 256-bit value in a ``Secure`` (over https), ``HttpOnly``,
``SameSite=Lax`` cookie. The table keeps its SHA-256 as the row id and the provider's tokens
sealed with AES-GCM under a key derived (HKDF) from the cookie value: a copy of the table opens
no token, and a stolen token needs the person's cookie too. Sessions end after
``session_idle_minutes`` without a request, ``session_max_hours`` after sign-in, or on sign-out.
The access token is refreshed quietly ``refresh_before_seconds`` before it ends; the row is locked
while refreshing, so two concurrent pages never spend one refresh token twice (which the
provider's reuse detection would punish by ending the sign-in).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from console.models import ConsoleSession, PendingSignIn
from console.oidc import Provider, SignInFailed, Tokens, claims_of
from console.settings import ConsoleSettings

SESSION_COOKIE = "kopmod_console"
BROWSER_COOKIE = "kopmod_console_browser"


def now() -> datetime:
    return datetime.now(UTC)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def _key(secret: str) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"kopmod-console-tokens")
    return hkdf.derive(secret.encode())


def seal(secret: str, values: dict[str, str | None]) -> bytes:
    nonce = os.urandom(12)
    data = json.dumps(values).encode()
    return nonce + AESGCM(_key(secret)).encrypt(nonce, data, digest(secret).encode())


def unseal(secret: str, blob: bytes) -> dict[str, str | None]:
    plain = AESGCM(_key(secret)).decrypt(blob[:12], blob[12:], digest(secret).encode())
    return dict(json.loads(plain))


@dataclass
class Person:
    """Who a page is for: the session's person acting in one membership."""

    session_id: str
    subject: str
    role: str
    org_id: str | None
    name: str
    language: str
    csrf: str
    access_token: str


def _person(row: ConsoleSession, access_token: str) -> Person:
    return Person(
        session_id=row.id,
        subject=row.subject,
        role=row.role,
        org_id=row.org_id,
        name=row.name,
        language=row.language,
        csrf=row.csrf,
        access_token=access_token,
    )


# --- sign-ins in progress ------------------------------------------------------------------------


async def begin_sign_in(
    db: AsyncSession, *, browser: str, return_to: str
) -> tuple[str, PendingSignIn]:
    state = new_secret()
    pending = PendingSignIn(
        state_hash=digest(state),
        browser_hash=digest(browser),
        code_verifier=secrets.token_urlsafe(64),
        nonce=new_secret(),
        return_to=return_to,
        expires_at=now() + timedelta(minutes=10),
    )
    db.add(pending)
    await db.execute(delete(PendingSignIn).where(PendingSignIn.expires_at < now()))
    return state, pending


async def take_sign_in(db: AsyncSession, state: str, browser: str | None) -> PendingSignIn | None:
    """The pending sign-in ``state`` names, once, and only in the browser that began it."""
    row = await db.get(PendingSignIn, digest(state), with_for_update=True)
    if row is None:
        return None
    await db.delete(row)
    if row.expires_at < now() or not browser:
        return None
    if not secrets.compare_digest(row.browser_hash, digest(browser)):
        return None
    return row


# --- sessions ---------------------------------------------------------------------------------


async def create_session(
    db: AsyncSession,
    settings: ConsoleSettings,
    tokens: Tokens,
    id_claims: dict[str, object],
    chosen_language: str | None = None,
) -> tuple[str, ConsoleSession]:
    """``chosen_language``: what the browser chose before signing in (else the person's own)."""
    claims = claims_of(tokens.access_token)
    secret = new_secret()
    language = str(chosen_language or id_claims.get("locale") or settings.default_language)
    row = ConsoleSession(
        id=digest(secret),
        subject=str(claims.get("sub")),
        role=str(claims.get("role") or ""),
        org_id=str(claims["org"]) if claims.get("org") else None,
        name=str(id_claims.get("name") or claims.get("sub")),
        language=language if language in ("id", "en") else settings.default_language,
        csrf=new_secret(),
        tokens=seal(secret, _token_values(tokens)),
        access_expires_at=now() + timedelta(seconds=tokens.expires_in),
        last_seen_at=now(),
        expires_at=now() + timedelta(hours=settings.session_max_hours),
    )
    db.add(row)
    await db.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now()))
    return secret, row


def _token_values(tokens: Tokens) -> dict[str, str | None]:
    return {
        "access_token": tokens.access_token,
        "refresh_token": tokens.refresh_token,
        "id_token": tokens.id_token,
    }


async def load(
    db: AsyncSession, settings: ConsoleSettings, provider: Provider, secret: str
) -> Person | None:
    """The cookie's live session, its access token refreshed when it is about to end; None when
    there is none (unknown, idle too long, past its lifetime, or the provider refused a refresh:
    such a row is deleted)."""
    row = await db.get(ConsoleSession, digest(secret))
    if row is None:
        return None
    moment = now()
    idle = timedelta(minutes=settings.session_idle_minutes)
    if row.expires_at <= moment or row.last_seen_at + idle <= moment:
        await db.delete(row)
        return None
    values = unseal(secret, row.tokens)
    if row.access_expires_at - timedelta(seconds=settings.refresh_before_seconds) <= moment:
        # Lock the row: another request of this browser may be refreshing right now.
        row = await db.get(ConsoleSession, row.id, with_for_update=True, populate_existing=True)
        if row is None:
            return None
        values = unseal(secret, row.tokens)
        if row.access_expires_at - timedelta(seconds=settings.refresh_before_seconds) <= moment:
            refresh_token = values.get("refresh_token")
            if not refresh_token:
                await db.delete(row)
                return None
            try:
                fresh = await provider.refresh(refresh_token)
            except SignInFailed:
                await db.delete(row)
                return None
            values = _token_values(fresh) | {"id_token": fresh.id_token or values.get("id_token")}
            row.tokens = seal(secret, values)
            row.access_expires_at = moment + timedelta(seconds=fresh.expires_in)
    row.last_seen_at = moment
    return _person(row, str(values["access_token"]))


async def end_session(db: AsyncSession, secret: str) -> dict[str, str | None] | None:
    """Delete the session; its tokens (for revocation and the provider's logout) or None."""
    row = await db.get(ConsoleSession, digest(secret), with_for_update=True)
    if row is None:
        return None
    values = unseal(secret, row.tokens)
    await db.delete(row)
    return values


async def set_language(db: AsyncSession, session_id: str, language: str) -> None:
    row = await db.get(ConsoleSession, session_id)
    if row is not None:
        row.language = language


async def count_sessions(db: AsyncSession, subject: str) -> int:
    rows = await db.execute(select(ConsoleSession.id).where(ConsoleSession.subject == subject))
    return len(rows.all())
