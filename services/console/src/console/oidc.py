"""The console as an OpenID Connect relying party (a confidential client).

Authlib's httpx client does the protocol (authorization URL with PKCE S256, code exchange and
refresh with HTTP Basic client authentication, RFC 7009 revocation); the ID token is verified
with PyJWT against the provider's JWKS, as the services verify access tokens. Any provider with
discovery works: the registry by default, Keycloak by configuration (docs/keycloak.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
from authlib.integrations.httpx_client import AsyncOAuth2Client

from console.settings import ConsoleSettings

ID_TOKEN_ALGORITHMS = ["EdDSA", "RS256", "ES256", "PS256"]


class SignInFailed(Exception):
    """The provider refused, or answered something the console does not trust."""


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str | None
    id_token: str | None
    expires_in: int


def claims_of(token: str) -> dict[str, Any]:
    """The claims of an access token the console received from the token endpoint itself (over
    the connection it opened, so not re-verified here; every service verifies it on each call)."""
    return dict(jwt.decode(token, options={"verify_signature": False}))


class Provider:
    """The configured provider: discovery and keys cached; one Authlib client for the calls."""

    def __init__(self, settings: ConsoleSettings, http: httpx.AsyncClient) -> None:
        self.settings = settings
        self.http = http
        self.redirect_uri = settings.public_url.rstrip("/") + "/auth/callback"
        self.signed_out_uri = settings.public_url.rstrip("/") + "/signed-out"
        self._metadata: dict[str, Any] | None = None
        self._jwks: tuple[float, jwt.PyJWKSet] | None = None
        self._lock = asyncio.Lock()
        self.oauth = AsyncOAuth2Client(
            client_id=settings.oidc_client_id,
            client_secret=settings.oidc_client_secret.get_secret_value(),
            token_endpoint_auth_method="client_secret_basic",
            revocation_endpoint_auth_method="client_secret_basic",
            scope=settings.oidc_scope,
            redirect_uri=self.redirect_uri,
            code_challenge_method="S256",
            timeout=settings.outgoing_timeout_seconds,
        )

    async def aclose(self) -> None:
        await self.oauth.aclose()

    async def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            async with self._lock:
                if self._metadata is None:
                    url = self.settings.issuer + "/.well-known/openid-configuration"
                    resp = await self.http.get(url)
                    resp.raise_for_status()
                    meta = resp.json()
                    if meta.get("issuer", "").rstrip("/") != self.settings.issuer:
                        raise SignInFailed("the provider's metadata names another issuer")
                    self._metadata = meta
        return self._metadata

    async def authorization_url(self, *, state: str, nonce: str, verifier: str, lang: str) -> str:
        meta = await self.metadata()
        url, _ = self.oauth.create_authorization_url(
            meta["authorization_endpoint"],
            state=state,
            nonce=nonce,
            code_verifier=verifier,
            ui_locales=lang,
        )
        return str(url)

    async def exchange(self, code: str, verifier: str) -> Tokens:
        meta = await self.metadata()
        try:
            token = await self.oauth.fetch_token(
                meta["token_endpoint"],
                grant_type="authorization_code",
                code=code,
                code_verifier=verifier,
                redirect_uri=self.redirect_uri,
            )
        except Exception as exc:  # Authlib raises OAuthError and httpx errors alike
            raise SignInFailed(f"code exchange refused: {type(exc).__name__}") from exc
        return _tokens(token)

    async def refresh(self, refresh_token: str) -> Tokens:
        meta = await self.metadata()
        try:
            token = await self.oauth.refresh_token(
                meta["token_endpoint"], refresh_token=refresh_token
            )
        except Exception as exc:
            raise SignInFailed(f"refresh refused: {type(exc).__name__}") from exc
        return _tokens(token)

    async def revoke(self, refresh_token: str) -> None:
        """Best effort: a provider that is down still lets the person sign out here."""
        meta = await self.metadata()
        endpoint = meta.get("revocation_endpoint")
        if not endpoint:
            return
        # The local session is ended whatever the provider says.
        with contextlib.suppress(Exception):
            await self.oauth.revoke_token(
                endpoint, token=refresh_token, token_type_hint="refresh_token"
            )

    async def logout_url(self, id_token: str | None, state: str) -> str | None:
        meta = await self.metadata()
        endpoint = meta.get("end_session_endpoint")
        if not endpoint:
            return None
        params = {"post_logout_redirect_uri": self.signed_out_uri, "state": state}
        if id_token:
            params["id_token_hint"] = id_token
        else:
            params["client_id"] = self.settings.oidc_client_id
        return f"{endpoint}?{urlencode(params)}"

    async def _keys(self, refresh: bool = False) -> jwt.PyJWKSet:
        cached = self._jwks
        if cached is None or refresh or time.monotonic() > cached[0]:
            meta = await self.metadata()
            resp = await self.http.get(meta["jwks_uri"])
            resp.raise_for_status()
            keys = jwt.PyJWKSet.from_dict(resp.json())
            self._jwks = (time.monotonic() + self.settings.jwks_cache_seconds, keys)
            return keys
        return cached[1]

    async def verify_id_token(self, id_token: str, nonce: str) -> dict[str, Any]:
        try:
            kid = jwt.get_unverified_header(id_token).get("kid")
            keys = await self._keys()
            if kid not in {k.key_id for k in keys.keys}:
                keys = await self._keys(refresh=True)
            key = next(k for k in keys.keys if k.key_id == kid)
            claims = jwt.decode(
                id_token,
                key,
                algorithms=ID_TOKEN_ALGORITHMS,
                audience=self.settings.oidc_client_id,
                issuer=(await self.metadata())["issuer"],
                leeway=self.settings.clock_skew_seconds,
            )
        except (jwt.PyJWTError, StopIteration, httpx.HTTPError) as exc:
            raise SignInFailed(f"ID token refused: {type(exc).__name__}") from exc
        if not secrets.compare_digest(str(claims.get("nonce", "")), nonce):
            raise SignInFailed("ID token nonce differs")
        return dict(claims)


def _tokens(token: dict[str, Any]) -> Tokens:
    if not token.get("access_token"):
        raise SignInFailed("no access token")
    return Tokens(
        access_token=token["access_token"],
        refresh_token=token.get("refresh_token"),
        id_token=token.get("id_token"),
        expires_in=int(token.get("expires_in") or 300),
    )
