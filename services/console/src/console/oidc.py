"""The console as an OpenID Connect relying party (a confidential client).

Authlib's protocol layer writes the messages (the authorization URL with PKCE S256, the token
requests, HTTP Basic client authentication) and the console's own httpx client sends them: the
code exchange, the refresh and RFC 7009 revocation. Authlib's httpx integration is not used: it
wants the httpx2 fork beside the httpx every other client of the platform uses, and warns at
import without it. The ID token is verified with PyJWT against the provider's JWKS, as the
services verify access tokens. Any provider with
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
from authlib.oauth2.auth import ClientAuth
from authlib.oauth2.rfc6749.parameters import prepare_grant_uri, prepare_token_request
from authlib.oauth2.rfc7636 import create_s256_code_challenge

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
    """The configured provider: discovery and keys cached; its endpoints called on the
    console's shared HTTP client."""

    def __init__(self, settings: ConsoleSettings, http: httpx.AsyncClient) -> None:
        self.settings = settings
        self.http = http
        self.redirect_uri = settings.public_url.rstrip("/") + "/auth/callback"
        self.signed_out_uri = settings.public_url.rstrip("/") + "/signed-out"
        self._metadata: dict[str, Any] | None = None
        self._jwks: tuple[float, jwt.PyJWKSet] | None = None
        self._lock = asyncio.Lock()
        self.client_auth = ClientAuth(
            settings.oidc_client_id,
            settings.oidc_client_secret.get_secret_value(),
            "client_secret_basic",
        )

    async def aclose(self) -> None:
        """Nothing of its own to close: the HTTP client is the console's (closed with it)."""

    async def _post_form(self, endpoint: str, body: str) -> httpx.Response:
        """A form POST to one of the provider's endpoints, the client authenticated by HTTP
        Basic (``client_secret_basic``)."""
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        }
        uri, headers, body = self.client_auth.prepare("POST", endpoint, headers, body)
        return await self.http.post(
            uri, content=body, headers=headers, timeout=self.settings.outgoing_timeout_seconds
        )

    async def _token(self, endpoint: str, body: str) -> dict[str, Any]:
        resp = await self._post_form(endpoint, body)
        if resp.status_code != 200:
            raise SignInFailed(f"the token endpoint answered {resp.status_code}")
        token = resp.json()
        if not isinstance(token, dict) or str(token.get("token_type", "")).lower() != "bearer":
            raise SignInFailed("the token endpoint answered no bearer token")
        return token

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
        return str(
            prepare_grant_uri(
                meta["authorization_endpoint"],
                client_id=self.settings.oidc_client_id,
                response_type="code",
                redirect_uri=self.redirect_uri,
                scope=self.settings.oidc_scope,
                state=state,
                nonce=nonce,
                code_challenge=create_s256_code_challenge(verifier),
                code_challenge_method="S256",
                ui_locales=lang,
            )
        )

    async def exchange(self, code: str, verifier: str) -> Tokens:
        meta = await self.metadata()
        body = prepare_token_request(
            "authorization_code", code=code, code_verifier=verifier, redirect_uri=self.redirect_uri
        )
        try:
            token = await self._token(meta["token_endpoint"], body)
        except (httpx.HTTPError, ValueError) as exc:
            raise SignInFailed(f"code exchange refused: {type(exc).__name__}") from exc
        return _tokens(token)

    async def refresh(self, refresh_token: str) -> Tokens:
        meta = await self.metadata()
        body = prepare_token_request("refresh_token", refresh_token=refresh_token)
        try:
            token = await self._token(meta["token_endpoint"], body)
        except (httpx.HTTPError, ValueError) as exc:
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
            await self._post_form(
                endpoint, urlencode({"token": refresh_token, "token_type_hint": "refresh_token"})
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
