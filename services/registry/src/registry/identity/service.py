"""API clients and token issuing: the rules, no SQL."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from uuid import UUID

import jwt

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, NotFound, ProblemError, Unauthorized
from registry.identity.keys import SigningKeys
from registry.identity.models import ApiClient
from registry.identity.repository import ApiClientRepository
from registry.identity.revocation import revoke_subject
from registry.identity.schemas import ClientCreate, ClientUpdate


class OAuthError(ProblemError):
    """An RFC 6749 section 5.2 error, carried in problem+json with ``error`` members too."""

    status, slug, title = 400, "oauth-error", "Token request refused"

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        headers = {"Cache-Control": "no-store"}
        if status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="kopmod"'
        super().__init__(description, headers=headers, error=error, error_description=description)
        self.status = status


class WrongCredentials(OAuthError):
    """Unknown client id or wrong secret (the caller is not told which): a counted failure."""

    def __init__(self) -> None:
        super().__init__("invalid_client", "unknown client or wrong secret", status=401)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    return "kms_" + secrets.token_urlsafe(32)


async def create_client(
    repo: ApiClientRepository, data: ClientCreate, created_by: str | None
) -> tuple[ApiClient, str]:
    client_id = data.client_id or f"{data.role.value.replace('_', '-')}-{secrets.token_hex(6)}"
    if await repo.by_client_id(client_id) is not None:
        raise Conflict(f"client id {client_id} is taken", field="client_id")
    secret = new_secret()
    client = ApiClient(
        client_id=client_id,
        name=data.name,
        secret_hash=hash_secret(secret),
        role=data.role.value,
        org_id=data.org_id,
        scopes=sorted(set(data.scopes)),
        active=True,
        created_by=created_by,
    )
    return await repo.add(client), secret


async def ensure_client(
    repo: ApiClientRepository,
    *,
    client_id: str,
    secret: str,
    role: Role,
    name: str,
    scopes: list[str] | None = None,
    org_id: UUID | None = None,
) -> ApiClient:
    """Create or reset a well-known client (bootstrap admin, service clients)."""
    client = await repo.by_client_id(client_id)
    if client is None:
        client = ApiClient(client_id=client_id, name=name, secret_hash=hash_secret(secret))
        repo.session.add(client)
    client.secret_hash = hash_secret(secret)
    client.role = role.value
    client.scopes = sorted(set(scopes or []))
    client.org_id = org_id
    client.active = True
    await repo.session.flush()
    return client


async def get_client(repo: ApiClientRepository, id: UUID) -> ApiClient:
    client = await repo.get(id)
    if client is None:
        raise NotFound(f"no API client {id}")
    return client


async def update_client(repo: ApiClientRepository, id: UUID, data: ClientUpdate) -> ApiClient:
    client = await get_client(repo, id)
    if data.name is not None:
        client.name = data.name
    if data.scopes is not None:
        client.scopes = sorted(set(data.scopes))
    if data.active is not None:
        if client.active and not data.active:
            # Refusing new tokens is not enough: those already issued live 15 minutes.
            await revoke_subject(
                repo.session, subject=client.client_id, reason="client deactivated"
            )
        client.active = data.active
    await repo.session.flush()
    return client


async def rotate_secret(repo: ApiClientRepository, id: UUID) -> tuple[ApiClient, str]:
    client = await get_client(repo, id)
    secret = new_secret()
    client.secret_hash = hash_secret(secret)
    await repo.session.flush()
    return client, secret


async def issue_token(
    repo: ApiClientRepository,
    keys: SigningKeys,
    *,
    issuer: str,
    client_id: str,
    client_secret: str,
    requested_scope: str | None,
    requested_audience: str | None,
    audiences: list[str],
    ttl_seconds: int,
) -> tuple[str, int, str]:
    client = await repo.by_client_id(client_id)
    # Compare against a dummy hash when the client is unknown so timing does not tell.
    expected = client.secret_hash if client else hash_secret(secrets.token_hex(16))
    if not hmac.compare_digest(expected, hash_secret(client_secret)) or client is None:
        raise WrongCredentials()
    if not client.active:
        raise OAuthError("invalid_client", "client is deactivated", status=401)
    granted = set(client.scopes)
    if requested_scope:
        asked = set(requested_scope.split())
        if not asked <= granted:
            raise OAuthError("invalid_scope", f"not granted: {' '.join(sorted(asked - granted))}")
        granted = asked
    aud: list[str] = audiences
    if requested_audience:
        if requested_audience not in audiences:
            raise OAuthError("invalid_target", f"unknown audience {requested_audience}")
        aud = [requested_audience]
    now = datetime.now(UTC)
    claims = {
        "iss": issuer,
        "sub": client.client_id,
        "aud": aud,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_seconds)).timestamp()),
        "jti": uuid.uuid4().hex,
        "role": client.role,
        "scope": " ".join(sorted(granted)),
    }
    if client.org_id is not None:
        claims["org"] = str(client.org_id)
    token = jwt.encode(
        claims, keys.private_key, algorithm=keys.algorithm, headers={"kid": keys.kid}
    )
    await repo.touch_token(client.id)
    return token, ttl_seconds, claims["scope"]


SERVICE_IDENTITY = "svc-registry"


def issue_service_token(
    keys: SigningKeys, *, issuer: str, audiences: list[str], ttl_seconds: int
) -> str:
    """A token for the registry's own calls to other services: the built-in ``svc-registry``
    identity, role ``service``, signed with the issuer's key (no self-call to the token
    endpoint, no client row: the registry is the issuer)."""
    now = datetime.now(UTC)
    claims = {
        "iss": issuer,
        "sub": SERVICE_IDENTITY,
        "aud": audiences,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_seconds)).timestamp()),
        "jti": uuid.uuid4().hex,
        "role": Role.service.value,
        "scope": "",
    }
    return jwt.encode(claims, keys.private_key, algorithm=keys.algorithm, headers={"kid": keys.kid})


class SelfIssuedToken:
    """Token source for the registry's typed clients (the ``TokenSource`` the shared clients
    take): mints a service token and reuses it until shortly before it expires."""

    def __init__(
        self, keys: SigningKeys, *, issuer: str, audiences: list[str], ttl_seconds: int
    ) -> None:
        self.keys = keys
        self.issuer = issuer
        self.audiences = audiences
        self.ttl_seconds = ttl_seconds
        self._token: str | None = None
        self._expires_at = datetime.min.replace(tzinfo=UTC)

    async def token(self) -> str:
        now = datetime.now(UTC)
        if self._token is None or now >= self._expires_at - timedelta(seconds=30):
            self._token = issue_service_token(
                self.keys,
                issuer=self.issuer,
                audiences=self.audiences,
                ttl_seconds=self.ttl_seconds,
            )
            self._expires_at = now + timedelta(seconds=self.ttl_seconds)
        return self._token

    def invalidate(self) -> None:
        self._token = None


def actor(principal: Principal) -> str:
    return principal.client_id


__all__ = ["OAuthError", "Unauthorized"]
