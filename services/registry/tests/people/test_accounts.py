"""Person accounts over real HTTP with a local SMTP server: invitations and who may send them,
password reset by email, throttling and lockout with one generic answer, password change
ending the other sessions, and personal data shown only to those entitled (access logged)."""

from __future__ import annotations

import uuid

import httpx

from kopmod_shared.auth import Role
from kopmod_shared.testing import truncate_all

from ..conftest import make_api_client, token_for
from ..oidc.conftest import invite_and_accept
from .support import (
    REDIRECT,
    Browser,
    authorize_params,
    code_from,
    link_in,
    live_registry,
    page,
    pkce,
)

PASSWORD = "kopi gayo dari takengon"


async def _setup(live, api):
    secret = await make_api_client(live.app, "admin-live", Role.admin)
    admin = {"Authorization": f"Bearer {await token_for(api, 'admin-live', secret)}"}
    resp = await api.post(
        "/v1/oidc-clients",
        json={
            "name": "Aplikasi koperasi",
            "client_id": "coop-app",
            "confidential": False,
            "redirect_uris": [REDIRECT],
        },
        headers=admin,
    )
    assert resp.status_code == 201 and resp.json()["client_secret"] is None
    return admin


async def _sign_in(live, email, password, *, scope="openid email"):
    """Sign a cooperative manager in through the public client; the token response."""
    verifier, challenge = pkce()
    params = authorize_params("coop-app", challenge, scope=scope)
    async with httpx.AsyncClient(base_url=live.url) as http:
        b = Browser(http)
        await b.get("/oauth/authorize", **params)
        resp = await b.submit(email=email, password=password)
        code = code_from(resp, params["state"])
        tokens = await http.post(
            "/v1/oauth/token",
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT,
                "code_verifier": verifier,
                "client_id": "coop-app",
            },
        )
        assert tokens.status_code == 200, tokens.text
        return tokens.json()


def bearer(tokens) -> dict[str, str]:
    return {"Authorization": f"Bearer {tokens['access_token']}"}


async def test_invitations_reset_and_password_change(database_url):
    async with live_registry(database_url) as live, httpx.AsyncClient(base_url=live.url) as api:
        try:
            admin = await _setup(live, api)
            coop, other = str(uuid.uuid4()), str(uuid.uuid4())
            manager = await invite_and_accept(
                live, api, admin, email="ketua@kopigayo.co.id", role="cooperative", org_id=coop
            )
            assert manager["memberships"][0]["org_id"] == coop
            tokens = await _sign_in(live, "ketua@kopigayo.co.id", PASSWORD)

            # The manager invites a colleague to their own cooperative, nowhere else.
            colleague = {"email": "bendahara@kopigayo.co.id", "name": "Budi", "role": "cooperative"}
            refused = await api.post(
                "/v1/people/invitations",
                json={**colleague, "org_id": other},
                headers=bearer(tokens),
            )
            assert refused.status_code == 403
            staff = await api.post(
                "/v1/people/invitations",
                json={"email": "x@kopigayo.co.id", "name": "X", "role": "fund_officer"},
                headers=bearer(tokens),
            )
            assert staff.status_code == 403
            await invite_and_accept(
                live, api, bearer(tokens), **colleague, org_id=coop, password="kelapa sawit riau 7"
            )

            # The link is single use.
            first = await live.inbox.wait_for("bendahara@kopigayo.co.id", "undangan")
            async with httpx.AsyncClient() as http:
                reused = await http.get(link_in(first))
            assert reused.status_code == 400 and "tidak berlaku" in reused.text

            # A common or short password is refused on the page, with an error summary.
            async with httpx.AsyncClient(base_url=live.url) as http:
                b = Browser(http)
                await b.get("/people/password-reset", lang="en")
                sent = await b.submit(email="KETUA@kopigayo.co.id")
                assert "If that address is registered" in sent.text
                mail = await live.inbox.wait_for("ketua@kopigayo.co.id", "atur ulang")
                await b.get(link_in(mail))
                weak = await b.submit(password="password123")
                assert weak.status_code == 200
                assert "terlalu umum" in weak.text and 'class="error-summary"' in weak.text
                await b.get(link_in(mail))
                done = await b.submit(password="teh tarik manis sekali")
                assert "sudah diganti" in done.text
            # A reset ends every session: the manager's refresh token is revoked.
            refresh = await api.post(
                "/v1/oauth/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": tokens["refresh_token"],
                    "client_id": "coop-app",
                },
            )
            assert refresh.json()["error"] == "invalid_grant"
            # Unknown addresses get the same answer and no mail.
            async with httpx.AsyncClient(base_url=live.url) as http:
                b = Browser(http)
                await b.get("/people/password-reset")
                same = await b.submit(email="nobody@kopigayo.co.id")
                assert "Jika alamat itu terdaftar" in same.text
            assert not [m for m in live.inbox.messages if m["To"] == "nobody@kopigayo.co.id"]

            # Changing the password through the API ends the other sessions, keeps this one.
            one = await _sign_in(live, "ketua@kopigayo.co.id", "teh tarik manis sekali")
            two = await _sign_in(live, "ketua@kopigayo.co.id", "teh tarik manis sekali")
            changed = await api.post(
                "/v1/people/me/password",
                json={
                    "current_password": "teh tarik manis sekali",
                    "password": "rendang padang 99",
                },
                headers=bearer(two),
            )
            assert changed.status_code == 204, changed.text
            ended = await api.post(
                "/v1/oauth/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": one["refresh_token"],
                    "client_id": "coop-app",
                },
            )
            assert ended.json()["error"] == "invalid_grant"
            kept = await api.post(
                "/v1/oauth/token",
                data={
                    "grant_type": "refresh_token",
                    "refresh_token": two["refresh_token"],
                    "client_id": "coop-app",
                },
            )
            assert kept.status_code == 200, kept.text

            # Personal data: the person and their cooperative's manager see it (logged);
            # a manager of another cooperative does not.
            me = (await api.get("/v1/people/me", headers=bearer(kept.json()))).json()
            people = await api.get(f"/v1/organisations/{coop}/people", headers=bearer(kept.json()))
            assert sorted(p["email"] for p in people.json()["items"]) == [
                "bendahara@kopigayo.co.id",
                "ketua@kopigayo.co.id",
            ]
            stranger = await make_api_client(
                live.app, "other-coop", Role.cooperative, org_id=uuid.UUID(other)
            )
            stranger_headers = {
                "Authorization": f"Bearer {await token_for(api, 'other-coop', stranger)}"
            }
            hidden = await api.get(f"/v1/people/{me['id']}", headers=stranger_headers)
            assert hidden.status_code == 404 and "ketua" not in hidden.text
            export = await api.get("/v1/people/me/export", headers=bearer(kept.json()))
            assert export.headers["content-disposition"].startswith("attachment")
            data = export.json()
            assert data["person"]["email"] == "ketua@kopigayo.co.id"
            assert {"action": "list", "actor": me["id"], "actor_client": "coop-app"}.items() <= (
                data["accesses"][0].items()
            )
            outcomes = [s["outcome"] for s in data["signins"]]
            assert outcomes.count("success") == 3 and "password" in outcomes
            history = await api.get("/v1/people/me/signins", headers=bearer(kept.json()))
            assert history.json()["items"][0]["client_id"] == "coop-app"
        finally:
            await truncate_all(live.app.state.engine)


async def test_throttling_locks_and_answers_alike(database_url):
    overrides = {"signin_slowdown_after": 100, "signin_lock_after": 4, "signin_address_limit": 100}
    async with (
        live_registry(database_url, **overrides) as live,
        httpx.AsyncClient(base_url=live.url) as api,
    ):
        try:
            admin = await _setup(live, api)
            await invite_and_accept(
                live,
                api,
                admin,
                email="ketua@kopigayo.co.id",
                role="cooperative",
                org_id=str(uuid.uuid4()),
            )
            _, challenge = pkce()
            params = authorize_params("coop-app", challenge)

            async def attempt(email: str, password: str) -> httpx.Response:
                async with httpx.AsyncClient(base_url=live.url) as http:
                    b = Browser(http)
                    await b.get("/oauth/authorize", **params)
                    return await b.submit(email=email, password=password)

            def error_text(resp: httpx.Response) -> str:
                parsed = page(resp.text)
                return " ".join(" ".join(parsed.text).split())

            unknown = await attempt("nobody@kopigayo.co.id", PASSWORD)
            wrong = await attempt("ketua@kopigayo.co.id", "not the password at all")
            assert unknown.status_code == wrong.status_code == 200
            assert error_text(unknown) == error_text(wrong)
            assert "Email atau kata sandi salah" in error_text(wrong)
            for _ in range(3):
                await attempt("ketua@kopigayo.co.id", "not the password at all")
            # Locked: the right password gets the same answer, and the person gets an email.
            locked = await attempt("ketua@kopigayo.co.id", PASSWORD)
            assert locked.status_code == 200 and error_text(locked) == error_text(wrong)
            mail = await live.inbox.wait_for("ketua@kopigayo.co.id", "dikunci")
            assert "4 kali gagal" in mail.get_payload(decode=True).decode()
        finally:
            await truncate_all(live.app.state.engine)


async def test_per_address_limit_and_slowdown(database_url):
    overrides = {
        "signin_slowdown_after": 1,
        "signin_slowdown_seconds": 600,
        "signin_lock_after": 50,
        "signin_address_limit": 3,
    }
    async with (
        live_registry(database_url, **overrides) as live,
        httpx.AsyncClient(base_url=live.url) as api,
    ):
        try:
            admin = await _setup(live, api)
            await invite_and_accept(
                live,
                api,
                admin,
                email="ketua@kopigayo.co.id",
                role="cooperative",
                org_id=str(uuid.uuid4()),
            )
            _, challenge = pkce()
            params = authorize_params("coop-app", challenge)

            async def attempt(email: str, password: str) -> httpx.Response:
                async with httpx.AsyncClient(base_url=live.url) as http:
                    b = Browser(http)
                    await b.get("/oauth/authorize", **params)
                    return await b.submit(email=email, password=password)

            # One failure slows the account: the right password right after is refused.
            await attempt("ketua@kopigayo.co.id", "wrong wrong wrong")
            slowed = await attempt("ketua@kopigayo.co.id", PASSWORD)
            assert slowed.status_code == 200 and "Email atau kata sandi salah" in slowed.text
            # Three failures from this address (any accounts): the address is refused.
            await attempt("someone@kopigayo.co.id", "wrong wrong wrong")
            from sqlalchemy import text

            async with live.app.state.engine.begin() as conn:
                await conn.execute(text("UPDATE persons SET next_signin_at = NULL"))
            blocked = await attempt("ketua@kopigayo.co.id", PASSWORD)
            assert blocked.status_code == 200 and "Email atau kata sandi salah" in blocked.text
            async with live.app.state.engine.connect() as conn:
                outcomes = [
                    r[0]
                    for r in await conn.execute(
                        text("SELECT outcome FROM signin_events ORDER BY at")
                    )
                ]
            assert outcomes == ["failure", "throttled", "unknown", "throttled"]
        finally:
            await truncate_all(live.app.state.engine)
