from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from kopmod_shared.auth import Role
from kopmod_shared.testing import truncate_all

from ..conftest import make_api_client, token_for
from ..people.support import LOGOUT_REDIRECT, REDIRECT, Browser, Live, live_registry


@pytest.fixture
async def live(database_url: str) -> AsyncIterator[Live]:
    async with live_registry(database_url) as running:
        yield running
        await truncate_all(running.app.state.engine)


@pytest.fixture
async def api(live: Live) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=live.url) as c:
        yield c


@pytest.fixture
async def admin(live: Live, api: httpx.AsyncClient) -> dict[str, str]:
    secret = await make_api_client(live.app, "admin-live", Role.admin)
    return {"Authorization": f"Bearer {await token_for(api, 'admin-live', secret)}"}


@pytest.fixture
async def console(api: httpx.AsyncClient, admin: dict[str, str]) -> dict[str, str]:
    """The console: a confidential client registered by an admin."""
    resp = await api.post(
        "/v1/oidc-clients",
        json={
            "name": "kopmod console",
            "client_id": "kopmod-console",
            "confidential": True,
            "redirect_uris": [REDIRECT],
            "post_logout_redirect_uris": [LOGOUT_REDIRECT],
        },
        headers=admin,
    )
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["confidential"] is True and body["client_secret"].startswith("kms_")
    return {"client_id": body["client_id"], "client_secret": body["client_secret"]}


@pytest.fixture
async def browser(live: Live) -> AsyncIterator[Browser]:
    async with httpx.AsyncClient(base_url=live.url) as http:
        yield Browser(http)


async def invite_and_accept(
    live: Live,
    api: httpx.AsyncClient,
    headers: dict[str, str],
    *,
    email: str,
    role: str,
    password: str = "kopi gayo dari takengon",
    org_id: str | None = None,
    name: str = "Siti Rahma",
) -> dict:
    """Invite by the API, follow the emailed link, set the password on the page."""
    body = {"email": email, "name": name, "role": role, "language": "id"}
    if org_id:
        body["org_id"] = org_id
    resp = await api.post("/v1/people/invitations", json=body, headers=headers)
    assert resp.status_code == 201, resp.text
    assert resp.json()["status"] == "invited"
    from ..people.support import link_in

    mail = await live.inbox.wait_for(email, "undangan")
    async with httpx.AsyncClient() as http:
        b = Browser(http)
        form = await b.get(link_in(mail))
        assert form.status_code == 200, form.text
        done = await b.submit(name=name, password=password)
        assert done.status_code == 200, done.text
        assert "Akun Anda siap" in done.text
    return resp.json()
