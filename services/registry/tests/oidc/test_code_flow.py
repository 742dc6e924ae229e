"""The authorization code flow over real HTTP: sign in, second factor, code exchange, refresh
rotation and reuse detection, revocation, sign-out, and the refusals RFC 6749 prescribes."""

from __future__ import annotations

import jwt
from authlib.oidc.core.util import create_half_hash

from ..people.support import (
    LOGOUT_REDIRECT,
    REDIRECT,
    authorize_params,
    code_from,
    next_totp,
    page,
    pkce,
)
from .conftest import invite_and_accept

PASSWORD = "kopi gayo dari takengon"


async def _jwks(api) -> jwt.PyJWKSet:
    return jwt.PyJWKSet.from_dict((await api.get("/.well-known/jwks.json")).json())


async def _decode(api, token: str, audience: str, issuer: str) -> dict:
    key = (await _jwks(api)).keys[0]
    return jwt.decode(token, key, algorithms=["EdDSA"], audience=audience, issuer=issuer)


async def _sign_in_committee(live, api, admin, browser, console, email="siti@kopigayo.co.id"):
    """Invite a committee member (TOTP required), sign in, enrol TOTP; return the code and
    what the test needs."""
    person = await invite_and_accept(live, api, admin, email=email, role="fund_committee")
    verifier, challenge = pkce()
    params = authorize_params(console["client_id"], challenge)
    signin = await browser.get("/oauth/authorize", **params)
    assert signin.status_code == 200
    assert '<html lang="id">' in signin.text and "Masuk ke kopmod" in signin.text
    setup = await browser.submit(email=email.upper(), password=PASSWORD)
    assert setup.status_code == 200, setup.text
    assert "Aktifkan verifikasi dua langkah" in setup.text
    secret = page(setup.text).text[page(setup.text).text.index("Kunci penyiapan") + 2].strip()
    codes_page = await browser.submit(code=next_totp(secret, 0))
    assert "Kode pemulihan" in codes_page.text, codes_page.text
    redirect = await browser.submit()
    code = code_from(redirect, params["state"])
    return person, code, verifier, params, secret


async def test_code_flow_with_totp_refresh_rotation_revocation_and_logout(
    live, api, admin, browser, console
):
    person, code, verifier, params, secret = await _sign_in_committee(
        live, api, admin, browser, console
    )
    auth = (console["client_id"], console["client_secret"])

    # A wrong verifier spends nothing but is refused; then the right one exchanges the code.
    wrong = await api.post(
        "/v1/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier + "x",
        },
        auth=auth,
    )
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"

    # The code was spent by the refused attempt too: a fresh sign-in (the session remains,
    # so no page this time) gives a new one.
    again = await browser.get("/oauth/authorize", **params)
    code = code_from(again, params["state"])
    resp = await api.post(
        "/v1/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        auth=auth,
    )
    assert resp.status_code == 200, resp.text
    assert resp.headers["cache-control"] == "no-store"
    tokens = resp.json()
    access = await _decode(api, tokens["access_token"], "kopmod-financing", live.url)
    assert access["sub"] == person["id"]
    assert access["role"] == "fund_committee" and "org" not in access
    assert access["amr"] == ["pwd", "mfa", "otp"]
    assert access["client_id"] == "kopmod-console"
    id_token = await _decode(api, tokens["id_token"], "kopmod-console", live.url)
    assert id_token["nonce"] == params["nonce"]
    assert id_token["at_hash"] == create_half_hash(tokens["access_token"], "EdDSA").decode()
    assert id_token["email"] == "siti@kopigayo.co.id" and id_token["name"] == "Siti Rahma"

    # Replaying the code is refused and revokes what it issued.
    replay = await api.post(
        "/v1/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        auth=auth,
    )
    assert replay.json()["error"] == "invalid_grant"
    revoked = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=auth,
    )
    assert revoked.json()["error"] == "invalid_grant", revoked.text

    # A new code, then rotation: each refresh spends the token and returns the next one.
    code = code_from(await browser.get("/oauth/authorize", **params), params["state"])
    tokens = (
        await api.post(
            "/v1/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
            },
            auth=auth,
        )
    ).json()
    first = tokens["refresh_token"]
    rotated = await api.post(
        "/v1/oauth/token", data={"grant_type": "refresh_token", "refresh_token": first}, auth=auth
    )
    assert rotated.status_code == 200, rotated.text
    second = rotated.json()["refresh_token"]
    assert second != first
    # The userinfo endpoint answers for the person behind the refreshed access token.
    info = await api.get(
        "/oauth/userinfo", headers={"Authorization": f"Bearer {rotated.json()['access_token']}"}
    )
    assert info.json() == {
        "sub": person["id"],
        "name": "Siti Rahma",
        "email": "siti@kopigayo.co.id",
        "email_verified": True,
        "locale": "id",
        "role": "fund_committee",
    }
    # Reuse of the spent token: refused, and the whole family (the live `second`) revoked.
    reuse = await api.post(
        "/v1/oauth/token", data={"grant_type": "refresh_token", "refresh_token": first}, auth=auth
    )
    assert reuse.status_code == 400 and reuse.json()["error"] == "invalid_grant"
    after = await api.post(
        "/v1/oauth/token", data={"grant_type": "refresh_token", "refresh_token": second}, auth=auth
    )
    assert after.json()["error"] == "invalid_grant"
    assert "revoked" in after.json()["error_description"]

    # Revocation (RFC 7009) of a fresh family; unknown tokens are answered alike.
    code = code_from(await browser.get("/oauth/authorize", **params), params["state"])
    tokens = (
        await api.post(
            "/v1/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
            },
            auth=auth,
        )
    ).json()
    assert (
        await api.post("/oauth/revoke", data={"token": "nonsense"}, auth=auth)
    ).status_code == 200
    gone = await api.post("/oauth/revoke", data={"token": tokens["refresh_token"]}, auth=auth)
    assert gone.status_code == 200
    refused = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=auth,
    )
    assert refused.json()["error"] == "invalid_grant"

    # Sign-out: an unregistered post-logout URI is never a redirect target.
    evil = await browser.get(
        "/oauth/logout",
        id_token_hint=tokens["id_token"],
        post_logout_redirect_uri="https://evil.example/",
    )
    assert evil.status_code == 400 and "location" not in evil.headers
    # That request ended the session already; sign in again (TOTP now, not setup) and log out.
    signin = await browser.get("/oauth/authorize", **params)
    assert signin.status_code == 200 and "Masuk ke kopmod" in signin.text
    otp_page = await browser.submit(email="siti@kopigayo.co.id", password=PASSWORD)
    assert "Kode verifikasi" in otp_page.text
    code = code_from(await browser.submit(code=next_totp(secret, 1)), params["state"])
    tokens = (
        await api.post(
            "/v1/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
            },
            auth=auth,
        )
    ).json()
    out = await browser.get(
        "/oauth/logout",
        id_token_hint=tokens["id_token"],
        post_logout_redirect_uri=LOGOUT_REDIRECT,
        state="bye",
    )
    assert out.status_code == 303
    assert out.headers["location"] == LOGOUT_REDIRECT + "?state=bye"
    ended = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=auth,
    )
    assert ended.json()["error"] == "invalid_grant"
    assert (await browser.get("/oauth/authorize", **params)).status_code == 200


async def test_bad_requests_are_answered_as_rfc_6749_says(live, api, browser, console):
    _, challenge = pkce()
    # Unknown client, unregistered redirect URI: the provider's own page, never a redirect.
    for params in (
        authorize_params("nobody", challenge),
        authorize_params(console["client_id"], challenge, redirect_uri=REDIRECT + "/x"),
        authorize_params(console["client_id"], challenge, redirect_uri="https://evil.example/"),
    ):
        resp = await browser.get("/oauth/authorize", **params)
        assert resp.status_code == 400 and "location" not in resp.headers
        assert "tidak dikenal" in resp.text
    # A trusted redirect URI hears the other errors, with its state.
    params = authorize_params(console["client_id"], challenge, code_challenge_method="plain")
    resp = await browser.get("/oauth/authorize", **params)
    assert resp.status_code == 303
    assert resp.headers["location"].startswith(REDIRECT + "?error=invalid_request")
    assert f"state={params['state']}" in resp.headers["location"]
    params = authorize_params(console["client_id"], challenge, scope="profile")
    resp = await browser.get("/oauth/authorize", **params)
    assert "error=invalid_scope" in resp.headers["location"]
    params = authorize_params(console["client_id"], challenge, prompt="none")
    resp = await browser.get("/oauth/authorize", **params)
    assert "error=login_required" in resp.headers["location"]
    # Token endpoint: unknown client, wrong secret, unknown code.
    unknown = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "authorization_code", "code": "x", "code_verifier": "y"},
        auth=("nobody", "nothing"),
    )
    assert unknown.status_code == 401 and unknown.json()["error"] == "invalid_client"
    wrong = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "authorization_code", "code": "x", "code_verifier": "y"},
        auth=(console["client_id"], "kms_wrong"),
    )
    assert wrong.status_code == 401
    bad = await api.post(
        "/v1/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": "never-issued",
            "redirect_uri": REDIRECT,
            "code_verifier": "v" * 43,
        },
        auth=(console["client_id"], console["client_secret"]),
    )
    assert bad.status_code == 400 and bad.json()["error"] == "invalid_grant"
    grant = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "password", "username": "a", "password": "b"},
        auth=(console["client_id"], console["client_secret"]),
    )
    assert grant.json()["error"] == "unsupported_grant_type"


async def test_discovery_names_the_endpoints(live, api):
    meta = (await api.get("/.well-known/openid-configuration")).json()
    assert meta["issuer"] == live.url
    assert meta["authorization_endpoint"] == f"{live.url}/oauth/authorize"
    assert meta["token_endpoint"] == f"{live.url}/v1/oauth/token"
    assert meta["jwks_uri"] == f"{live.url}/.well-known/jwks.json"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert meta["end_session_endpoint"] == f"{live.url}/oauth/logout"
    assert meta["revocation_endpoint"] == f"{live.url}/oauth/revoke"
