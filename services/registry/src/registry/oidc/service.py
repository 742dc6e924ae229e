"""The OpenID Connect provider's rules: registered clients, authorization requests, codes,
tokens (access, ID, refresh with rotation), revocation and sign-out. No SQL, no HTTP.

PKCE's S256 transform and the ID token's ``at_hash`` come from Authlib (RFC 7636, OIDC Core
3.1.3.6); tokens are signed with the issuer's Ed25519 key through PyJWT, as the client
credentials tokens are, so every service verifies both alike.
"""

from __future__ import annotations

import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import jwt
from authlib.oauth2.rfc7636 import create_s256_code_challenge
from authlib.oidc.core.util import create_half_hash

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Conflict, NotFound
from registry.identity.keys import SigningKeys
from registry.identity.service import OAuthError, hash_secret, new_secret
from registry.oidc.models import AuthorizationCode, BrowserSession, OidcClient, RefreshToken
from registry.oidc.repository import OidcRepository
from registry.oidc.schemas import OidcClientCreate, OidcClientUpdate
from registry.people.models import Membership, Person
from registry.people.repository import PeopleRepository
from registry.people.service import PersonStatus, digest
from registry.settings import RegistrySettings

SUPPORTED_SCOPES = ("openid", "profile", "email", "offline_access")


class Replayed(Exception):
    """A spent code or refresh token came back: the family it issued is to be revoked (in a
    transaction of its own, since the refusal rolls the request's back) and ``error`` raised."""

    def __init__(self, family_id: uuid.UUID, error: OAuthError) -> None:
        super().__init__(error.detail)
        self.family_id, self.error = family_id, error


def now() -> datetime:
    return datetime.now(UTC)


# --- clients (admin) ---------------------------------------------------------------------------


async def register_client(
    repo: OidcRepository, data: OidcClientCreate, created_by: str, client_id_taken: bool
) -> tuple[OidcClient, str | None]:
    if client_id_taken or await repo.client(data.client_id) is not None:
        raise Conflict(f"client id {data.client_id} is taken", field="client_id")
    secret = new_secret() if data.confidential else None
    client = OidcClient(
        client_id=data.client_id,
        name=data.name,
        secret_hash=hash_secret(secret) if secret else None,
        redirect_uris=list(dict.fromkeys(data.redirect_uris)),
        post_logout_redirect_uris=list(dict.fromkeys(data.post_logout_redirect_uris)),
        active=True,
        created_by=created_by,
    )
    await repo.add(client)
    return client, secret


async def update_client(repo: OidcRepository, client_id: str, data: OidcClientUpdate) -> OidcClient:
    client = await repo.client(client_id)
    if client is None:
        raise NotFound(f"no OpenID Connect client {client_id}")
    if data.name is not None:
        client.name = data.name
    if data.redirect_uris is not None:
        client.redirect_uris = list(dict.fromkeys(data.redirect_uris))
    if data.post_logout_redirect_uris is not None:
        client.post_logout_redirect_uris = list(dict.fromkeys(data.post_logout_redirect_uris))
    if data.active is not None:
        client.active = data.active
    await repo.session.flush()
    return client


async def authenticate_client(
    repo: OidcRepository, client_id: str | None, client_secret: str | None
) -> OidcClient:
    """A confidential client proves its secret; a public client sends its id and no secret."""
    client = await repo.client(client_id) if client_id else None
    expected = client.secret_hash if client and client.secret_hash else hash_secret("x")
    if client is None or not client.active:
        hmac.compare_digest(expected, hash_secret(client_secret or ""))
        raise OAuthError("invalid_client", "unknown client or wrong secret", status=401)
    if client.secret_hash is None:
        if client_secret:
            raise OAuthError("invalid_client", "a public client has no secret", status=401)
        return client
    if not client_secret or not hmac.compare_digest(expected, hash_secret(client_secret)):
        raise OAuthError("invalid_client", "unknown client or wrong secret", status=401)
    return client


# --- the authorization request ------------------------------------------------------------------


@dataclass(frozen=True)
class AuthRequest:
    """A validated authorization request (OIDC Core 3.1.2.1)."""

    client: OidcClient
    redirect_uri: str
    scope: str
    state: str | None
    nonce: str | None
    code_challenge: str
    prompt: str | None
    ui_locales: str | None

    def params(self) -> dict[str, str]:
        """The request as form fields, carried through the sign-in pages."""
        values = {
            "response_type": "code",
            "client_id": self.client.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": self.scope,
            "code_challenge": self.code_challenge,
            "code_challenge_method": "S256",
            "state": self.state,
            "nonce": self.nonce,
            "ui_locales": self.ui_locales,
        }
        return {k: v for k, v in values.items() if v}


class UnsafeRequest(Exception):
    """The client or its redirect URI cannot be trusted: answer on the provider's own page,
    never by redirecting (RFC 6749 4.1.2.1)."""


class RedirectError(Exception):
    """An error the client hears at its (registered, exact) redirect URI."""

    def __init__(self, redirect_uri: str, error: str, description: str, state: str | None):
        super().__init__(description)
        self.redirect_uri, self.error, self.description, self.state = (
            redirect_uri,
            error,
            description,
            state,
        )

    def location(self, issuer: str) -> str:
        values = {"error": self.error, "error_description": self.description, "iss": issuer}
        if self.state:
            values["state"] = self.state
        return with_query(self.redirect_uri, values)


def with_query(uri: str, values: dict[str, str]) -> str:
    separator = "&" if "?" in uri else "?"
    return uri + separator + urlencode(values)


async def validate_request(repo: OidcRepository, params: dict[str, str]) -> AuthRequest:
    """Checks the client and its exact redirect URI first (failures raise UnsafeRequest), then
    the rest (failures raise RedirectError, carried back to the client)."""
    client_id = params.get("client_id") or ""
    client = await repo.client(client_id) if client_id else None
    if client is None or not client.active:
        raise UnsafeRequest("unknown client")
    redirect_uri = params.get("redirect_uri") or ""
    # Exact string comparison: no prefix, no normalisation, no wildcard (OAuth 2.1 4.1.3).
    if redirect_uri not in client.redirect_uris:
        raise UnsafeRequest("redirect_uri is not registered for this client")
    state = params.get("state") or None

    def fail(error: str, description: str) -> RedirectError:
        return RedirectError(redirect_uri, error, description, state)

    if params.get("request") or params.get("request_uri"):
        raise fail("request_not_supported", "request objects are not supported")
    if params.get("response_type") != "code":
        raise fail("unsupported_response_type", "only response_type=code is supported")
    scopes = (params.get("scope") or "").split()
    if "openid" not in scopes:
        raise fail("invalid_scope", "the openid scope is required")
    unknown = [s for s in scopes if s not in SUPPORTED_SCOPES]
    if unknown:
        raise fail("invalid_scope", f"unknown scope: {' '.join(unknown)}")
    challenge = params.get("code_challenge") or ""
    if params.get("code_challenge_method") != "S256":
        raise fail("invalid_request", "PKCE with code_challenge_method=S256 is required")
    if not (43 <= len(challenge) <= 128):
        raise fail("invalid_request", "code_challenge must be 43 to 128 characters")
    if len(params.get("nonce") or "") > 255 or len(state or "") > 1000:
        raise fail("invalid_request", "nonce may have 255 characters, state 1000")
    prompt = params.get("prompt") or None
    if prompt not in (None, "login", "none"):
        raise fail("invalid_request", "prompt may be login or none")
    return AuthRequest(
        client=client,
        redirect_uri=redirect_uri,
        scope=" ".join(dict.fromkeys(scopes)),
        state=state,
        nonce=params.get("nonce") or None,
        code_challenge=challenge,
        prompt=prompt,
        ui_locales=params.get("ui_locales") or None,
    )


async def issue_code(
    repo: OidcRepository, settings: RegistrySettings, request: AuthRequest, session_id: uuid.UUID
) -> str:
    """A code for the signed-in session; its redirect to the client's exact URI."""
    code = secrets.token_urlsafe(32)
    await repo.add(
        AuthorizationCode(
            code_hash=digest(code),
            client_id=request.client.client_id,
            session_id=session_id,
            redirect_uri=request.redirect_uri,
            code_challenge=request.code_challenge,
            scope=request.scope,
            nonce=request.nonce,
            expires_at=now() + timedelta(seconds=settings.code_ttl_seconds),
        )
    )
    values = {"code": code, "iss": settings.token_issuer}
    if request.state:
        values["state"] = request.state
    return with_query(request.redirect_uri, values)


# --- tokens -------------------------------------------------------------------------------------


@dataclass
class Grant:
    person: Person
    membership: Membership
    session: BrowserSession


async def _grant_for(
    repo: OidcRepository, people: PeopleRepository, session_id: uuid.UUID
) -> Grant:
    """The session's person and membership, if all three are still in force."""
    session = await repo.session_by_id(session_id)
    if session is None or session.ended_at is not None or session.stage != "done":
        raise OAuthError("invalid_grant", "the sign-in session has ended")
    person = await people.get(session.person_id)
    if person is None or person.status != PersonStatus.active:
        raise OAuthError("invalid_grant", "the person's account is not active")
    membership = await people.membership(session.membership_id) if session.membership_id else None
    if membership is None or not membership.active:
        raise OAuthError("invalid_grant", "the membership has ended")
    return Grant(person, membership, session)


def access_token(
    keys: SigningKeys, settings: RegistrySettings, grant: Grant, client_id: str, scope: str
) -> tuple[str, dict[str, Any]]:
    """Today's format: ``sub``, ``role``, ``org``, ``scope``, plus how the person signed in
    (``amr``), the client (``client_id``, RFC 9068) and the session (``sid``)."""
    issued = now()
    claims: dict[str, Any] = {
        "iss": settings.token_issuer,
        "sub": str(grant.person.id),
        "aud": settings.token_audiences,
        "iat": int(issued.timestamp()),
        "nbf": int(issued.timestamp()),
        "exp": int((issued + timedelta(seconds=settings.token_ttl_seconds)).timestamp()),
        "jti": uuid.uuid4().hex,
        "role": grant.membership.role,
        "scope": scope,
        "amr": list(grant.session.amr),
        "client_id": client_id,
        "sid": str(grant.session.id),
        "auth_time": int(grant.session.auth_time.timestamp()),
    }
    if grant.membership.org_id is not None:
        claims["org"] = str(grant.membership.org_id)
    return _sign(keys, claims, typ="at+jwt"), claims


def id_token(
    keys: SigningKeys,
    settings: RegistrySettings,
    grant: Grant,
    client_id: str,
    scope: str,
    nonce: str | None,
    access: str,
) -> str:
    issued = now()
    claims: dict[str, Any] = {
        "iss": settings.token_issuer,
        "sub": str(grant.person.id),
        "aud": client_id,
        "azp": client_id,
        "iat": int(issued.timestamp()),
        "exp": int((issued + timedelta(seconds=settings.token_ttl_seconds)).timestamp()),
        "auth_time": int(grant.session.auth_time.timestamp()),
        "amr": list(grant.session.amr),
        "sid": str(grant.session.id),
        "at_hash": create_half_hash(access, "EdDSA").decode(),
        "role": grant.membership.role,
    }
    if grant.membership.org_id is not None:
        claims["org"] = str(grant.membership.org_id)
    if nonce:
        claims["nonce"] = nonce
    claims.update(profile_claims(grant.person, scope))
    return _sign(keys, claims, typ="JWT")


def profile_claims(person: Person, scope: str) -> dict[str, Any]:
    scopes = scope.split()
    claims: dict[str, Any] = {}
    if "profile" in scopes:
        claims |= {"name": person.name, "locale": person.language}
    if "email" in scopes:
        claims |= {"email": person.email, "email_verified": person.email_verified_at is not None}
    return claims


def _sign(keys: SigningKeys, claims: dict[str, Any], typ: str) -> str:
    return jwt.encode(
        claims, keys.private_key, algorithm=keys.algorithm, headers={"kid": keys.kid, "typ": typ}
    )


async def _refresh_token(
    repo: OidcRepository,
    settings: RegistrySettings,
    *,
    family_id: uuid.UUID,
    client_id: str,
    session_id: uuid.UUID,
    scope: str,
) -> str:
    token = "kmr_" + secrets.token_urlsafe(32)
    await repo.add(
        RefreshToken(
            token_hash=digest(token),
            family_id=family_id,
            client_id=client_id,
            session_id=session_id,
            scope=scope,
            expires_at=now() + timedelta(days=settings.refresh_ttl_days),
        )
    )
    return token


async def exchange_code(
    repo: OidcRepository,
    people: PeopleRepository,
    keys: SigningKeys,
    settings: RegistrySettings,
    client: OidcClient,
    *,
    code: str | None,
    redirect_uri: str | None,
    code_verifier: str | None,
) -> dict[str, Any]:
    if not code or not code_verifier:
        raise OAuthError("invalid_request", "code and code_verifier are required")
    row = await repo.code(digest(code))
    if row is None or row.client_id != client.client_id:
        raise OAuthError("invalid_grant", "unknown code")
    if row.used_at is not None:
        # A code presented twice: revoke what the first exchange issued (RFC 6749 4.1.2).
        error = OAuthError("invalid_grant", "the code was already used")
        if row.family_id is not None:
            raise Replayed(row.family_id, error)
        raise error
    row.used_at = now()
    if row.expires_at <= now():
        raise OAuthError("invalid_grant", "the code has expired")
    if redirect_uri != row.redirect_uri:
        raise OAuthError("invalid_grant", "redirect_uri differs from the authorization request")
    if not hmac.compare_digest(create_s256_code_challenge(code_verifier), row.code_challenge):
        raise OAuthError("invalid_grant", "code_verifier does not match the code_challenge")
    grant = await _grant_for(repo, people, row.session_id)
    family = uuid.uuid4()
    row.family_id = family
    return await _tokens(repo, keys, settings, grant, client, row.scope, row.nonce, family)


async def _tokens(
    repo: OidcRepository,
    keys: SigningKeys,
    settings: RegistrySettings,
    grant: Grant,
    client: OidcClient,
    scope: str,
    nonce: str | None,
    family: uuid.UUID,
) -> dict[str, Any]:
    access, _ = access_token(keys, settings, grant, client.client_id, scope)
    refresh = await _refresh_token(
        repo,
        settings,
        family_id=family,
        client_id=client.client_id,
        session_id=grant.session.id,
        scope=scope,
    )
    body: dict[str, Any] = {
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": settings.token_ttl_seconds,
        "scope": scope,
        "refresh_token": refresh,
    }
    if "openid" in scope.split():
        body["id_token"] = id_token(keys, settings, grant, client.client_id, scope, nonce, access)
    return body


async def refresh(
    repo: OidcRepository,
    people: PeopleRepository,
    keys: SigningKeys,
    settings: RegistrySettings,
    client: OidcClient,
    *,
    refresh_token: str | None,
    scope: str | None,
) -> dict[str, Any]:
    """Rotation: the token is spent and the next one issued. A spent token presented again
    means it was copied: the whole family is revoked (OAuth 2.1 4.3.1, BCP 4.14.2)."""
    if not refresh_token:
        raise OAuthError("invalid_request", "refresh_token is required")
    row = await repo.refresh(digest(refresh_token))
    if row is None or row.client_id != client.client_id:
        raise OAuthError("invalid_grant", "unknown refresh token")
    if row.revoked_at is not None:
        raise OAuthError("invalid_grant", "the refresh token was revoked")
    if row.used_at is not None:
        raise Replayed(row.family_id, OAuthError("invalid_grant", "the refresh token was reused"))
    if row.expires_at <= now():
        raise OAuthError("invalid_grant", "the refresh token has expired")
    granted = row.scope.split()
    asked = scope.split() if scope else granted
    if not set(asked) <= set(granted):
        raise OAuthError("invalid_scope", "a refresh may narrow the scope, not widen it")
    grant = await _grant_for(repo, people, row.session_id)
    row.used_at = now()
    return await _tokens(repo, keys, settings, grant, client, " ".join(asked), None, row.family_id)


async def revoke(repo: OidcRepository, client: OidcClient, token: str) -> None:
    """RFC 7009: a refresh token (and its family) of this client is revoked; anything else is
    answered alike (200), so the endpoint tells nothing about tokens it does not hold.
    Access tokens are short-lived JWTs and run out (docs/identity.md)."""
    row = await repo.refresh(digest(token))
    if row is not None and row.client_id == client.client_id:
        await repo.revoke_family(row.family_id, now())


def discovery(settings: RegistrySettings) -> dict[str, Any]:
    issuer = settings.token_issuer.rstrip("/")
    return {
        "issuer": settings.token_issuer,
        "authorization_endpoint": f"{issuer}/oauth/authorize",
        "token_endpoint": f"{issuer}/v1/oauth/token",
        "userinfo_endpoint": f"{issuer}/oauth/userinfo",
        "jwks_uri": f"{issuer}/.well-known/jwks.json",
        "revocation_endpoint": f"{issuer}/oauth/revoke",
        "end_session_endpoint": f"{issuer}/oauth/logout",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code", "refresh_token", "client_credentials"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": [keys_alg()],
        "token_endpoint_auth_methods_supported": [
            "client_secret_basic",
            "client_secret_post",
            "none",
        ],
        "revocation_endpoint_auth_methods_supported": [
            "client_secret_basic",
            "client_secret_post",
            "none",
        ],
        "code_challenge_methods_supported": ["S256"],
        "scopes_supported": list(SUPPORTED_SCOPES),
        "claims_supported": [
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "amr",
            "sid",
            "azp",
            "name",
            "locale",
            "email",
            "email_verified",
            "role",
            "org",
        ],
        "ui_locales_supported": ["id", "en"],
        "prompt_values_supported": ["none", "login"],
        "authorization_response_iss_parameter_supported": True,
        "request_parameter_supported": False,
        "request_uri_parameter_supported": False,
    }


def keys_alg() -> str:
    return SigningKeys.algorithm


def person_principal_ok(principal: Principal) -> bool:
    return principal.person is not None and principal.role is not Role.service
