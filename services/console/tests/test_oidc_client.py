"""The console's OpenID Connect client against a provider faked at the HTTP boundary: the
authorization URL carries PKCE S256, the code exchange, the refresh and the revocation are
form posts with HTTP Basic client authentication on the console's own HTTP client, and a
refused exchange is a ``SignInFailed``, never a crash."""

from __future__ import annotations

import base64
import hashlib
import json
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from pydantic import SecretStr

from console.oidc import Provider, SignInFailed
from console.settings import ConsoleSettings

ISSUER = "http://provider.test"
META = {
    "issuer": ISSUER,
    "authorization_endpoint": f"{ISSUER}/authorize",
    "token_endpoint": f"{ISSUER}/token",
    "revocation_endpoint": f"{ISSUER}/revoke",
    "jwks_uri": f"{ISSUER}/jwks",
}


def provider(seen: list[httpx.Request], token_status: int = 200) -> Provider:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path == "/.well-known/openid-configuration":
            return httpx.Response(200, json=META)
        if request.url.path == "/token":
            body = {"access_token": "at-1", "token_type": "Bearer", "expires_in": 300}
            return httpx.Response(token_status, json=body if token_status == 200 else {})
        return httpx.Response(200)

    settings = ConsoleSettings(
        environment="test",
        token_issuer=ISSUER,
        public_url="http://console.test",
        oidc_client_id="kopmod-console",
        oidc_client_secret=SecretStr("rahasia"),
    )
    return Provider(settings, httpx.AsyncClient(transport=httpx.MockTransport(answer)))


def form(request: httpx.Request) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(request.content.decode()).items()}


async def test_authorization_exchange_refresh_revoke() -> None:
    seen: list[httpx.Request] = []
    p = provider(seen)
    url = await p.authorization_url(state="s1", nonce="n1", verifier="v" * 43, lang="id")
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    challenge = base64.urlsafe_b64encode(hashlib.sha256(b"v" * 43).digest()).rstrip(b"=")
    assert url.startswith(f"{ISSUER}/authorize?")
    assert query["response_type"] == "code" and query["client_id"] == "kopmod-console"
    assert query["code_challenge"] == challenge.decode()
    assert query["code_challenge_method"] == "S256"
    assert query["state"] == "s1" and query["nonce"] == "n1" and query["ui_locales"] == "id"
    assert query["redirect_uri"] == "http://console.test/auth/callback"

    tokens = await p.exchange("code-1", "v" * 43)
    assert tokens.access_token == "at-1" and tokens.expires_in == 300
    sent = seen[-1]
    basic = base64.b64encode(b"kopmod-console:rahasia").decode()
    assert sent.headers["authorization"] == f"Basic {basic}"
    assert form(sent) == {
        "grant_type": "authorization_code",
        "code": "code-1",
        "code_verifier": "v" * 43,
        "redirect_uri": "http://console.test/auth/callback",
    }
    await p.refresh("rt-1")
    assert form(seen[-1]) == {"grant_type": "refresh_token", "refresh_token": "rt-1"}
    await p.revoke("rt-1")
    assert seen[-1].url.path == "/revoke"
    assert form(seen[-1]) == {"token": "rt-1", "token_type_hint": "refresh_token"}
    assert seen[-1].headers["authorization"] == f"Basic {basic}"
    assert "rahasia" not in json.dumps([str(r.url) for r in seen])


async def test_a_refused_exchange_is_sign_in_failed() -> None:
    p = provider([], token_status=400)
    with pytest.raises(SignInFailed):
        await p.exchange("code-1", "v" * 43)
    with pytest.raises(SignInFailed):
        await p.refresh("rt-1")
