"""A person with two memberships chooses one per session; a recovery code works once; an
admin disabling the person cuts their refresh tokens and sign-in."""

from __future__ import annotations

import asyncio
import time
import uuid

import jwt

from ..people.support import REDIRECT, authorize_params, code_from, next_totp, page, pkce
from .conftest import invite_and_accept

PASSWORD = "kopi gayo dari takengon"


async def _exchange(api, console, code, verifier):
    resp = await api.post(
        "/v1/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        auth=(console["client_id"], console["client_secret"]),
    )
    assert resp.status_code == 200, resp.text
    return resp.json()


def _claims(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


async def test_two_memberships_choose_one_and_disabling_cuts_access(
    live, api, admin, browser, console
):
    coop, offtaker = str(uuid.uuid4()), str(uuid.uuid4())
    person = await invite_and_accept(
        live, api, admin, email="dua@kopigayo.co.id", role="cooperative", org_id=coop
    )
    second = await api.post(
        "/v1/people/invitations",
        json={"email": "dua@kopigayo.co.id", "name": "Dua", "role": "offtaker", "org_id": offtaker},
        headers=admin,
    )
    assert second.status_code == 201 and second.json()["status"] == "active"
    assert len(second.json()["memberships"]) == 2
    verifier, challenge = pkce()
    params = authorize_params(console["client_id"], challenge)
    await browser.get("/oauth/authorize", **params)
    choice = await browser.submit(email="dua@kopigayo.co.id", password=PASSWORD)
    assert "Pilih peran" in choice.text
    # No choice: the page says so; then the offtaker membership.
    missing = await browser.submit()
    assert "Pilih satu peran" in missing.text
    membership = next(m for m in second.json()["memberships"] if m["role"] == "offtaker")
    tokens = await _exchange(
        api,
        console,
        code_from(await browser.submit(membership=membership["id"]), params["state"]),
        verifier,
    )
    claims = _claims(tokens["access_token"])
    assert (claims["sub"], claims["role"], claims["org"]) == (person["id"], "offtaker", offtaker)
    assert claims["amr"] == ["pwd"]

    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    me = await api.get("/v1/me", headers=bearer)
    assert me.status_code == 200 and me.json()["org_id"] == offtaker, me.text

    disabled = await api.patch(
        f"/v1/people/{person['id']}", json={"status": "disabled"}, headers=admin
    )
    assert disabled.status_code == 200 and disabled.json()["status"] == "disabled"
    # The access token already issued stops too, within the deny-list's refresh, not at expiry.
    deadline = time.monotonic() + 15
    while (me := await api.get("/v1/me", headers=bearer)).status_code == 200:
        assert time.monotonic() < deadline, "the disabled person's access token still works"
        await asyncio.sleep(0.5)
    assert me.status_code == 401 and "revoked" in me.json()["detail"], me.text
    refused = await api.post(
        "/v1/oauth/token",
        data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]},
        auth=(console["client_id"], console["client_secret"]),
    )
    assert refused.json()["error"] == "invalid_grant"
    again = await browser.get("/oauth/authorize", **params)
    assert again.status_code == 200 and "Masuk ke kopmod" in again.text
    failed = await browser.submit(email="dua@kopigayo.co.id", password=PASSWORD)
    assert "Email atau kata sandi salah" in failed.text


async def test_a_recovery_code_works_once(live, api, admin, browser, console):
    await invite_and_accept(live, api, admin, email="menteri@kopigayo.co.id", role="ministry")
    verifier, challenge = pkce()
    params = authorize_params(console["client_id"], challenge)
    await browser.get("/oauth/authorize", **params)
    setup = await browser.submit(email="menteri@kopigayo.co.id", password=PASSWORD)
    text = page(setup.text).text
    secret = text[text.index("Kunci penyiapan") + 2].strip()
    wrong = await browser.submit(code="000000")
    assert "Kode tidak benar" in wrong.text
    recovery = await browser.submit(code=next_totp(secret, 0))
    codes = [c.strip() for c in page(recovery.text).text if len(c.strip()) == 10]
    assert len(codes) == 10
    code_from(await browser.submit(), params["state"])
    await browser.get("/oauth/logout")

    async def sign_in_with(code: str):
        await browser.get("/oauth/authorize", **params)
        await browser.submit(email="menteri@kopigayo.co.id", password=PASSWORD)
        return await browser.submit(code=code)

    used = await sign_in_with(codes[3].lower())
    tokens = await _exchange(api, console, code_from(used, params["state"]), verifier)
    assert _claims(tokens["access_token"])["amr"] == ["pwd", "mfa"]
    await browser.get("/oauth/logout")
    reused = await sign_in_with(codes[3])
    assert reused.status_code == 200 and "Kode tidak benar" in reused.text


async def test_ending_a_membership_stops_the_access_tokens_acting_in_it(
    live, api, admin, browser, console
):
    """The membership's sessions are revoked by ``sid``: their access tokens stop on every
    service within seconds, while the person (and their other memberships) carry on."""
    coop = str(uuid.uuid4())
    person = await invite_and_accept(
        live, api, admin, email="tiga@kopigayo.co.id", role="cooperative", org_id=coop
    )
    verifier, challenge = pkce()
    params = authorize_params(console["client_id"], challenge)
    await browser.get("/oauth/authorize", **params)
    code = code_from(
        await browser.submit(email="tiga@kopigayo.co.id", password=PASSWORD), params["state"]
    )
    tokens = await _exchange(api, console, code, verifier)
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await api.get("/v1/me", headers=bearer)).status_code == 200
    membership = person["memberships"][0]["id"]

    ended = await api.patch(f"/v1/memberships/{membership}", json={"active": False}, headers=admin)
    assert ended.status_code == 200 and ended.json()["active"] is False, ended.text
    deadline = time.monotonic() + 15
    while (me := await api.get("/v1/me", headers=bearer)).status_code == 200:
        assert time.monotonic() < deadline, "a token of the ended membership still works"
        await asyncio.sleep(0.5)
    assert me.status_code == 401 and "revoked" in me.json()["detail"], me.text
    still = await api.get(f"/v1/people/{person['id']}", headers=admin)
    assert still.json()["status"] == "active"
