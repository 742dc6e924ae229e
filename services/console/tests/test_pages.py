"""The console's edges without a provider: health, the sign-in redirect, the 404 page, headers."""

from __future__ import annotations

import httpx


async def test_health_and_readiness(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    ready = await client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["status"] == "ready"
    metrics = await client.get("/metrics")
    assert metrics.status_code == 200
    assert "kopmod_console" in metrics.text or "http_request" in metrics.text


async def test_a_page_asks_to_sign_in_and_comes_back(client: httpx.AsyncClient) -> None:
    resp = await client.get("/", follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"] == "/sign-in?next=%2F"


async def test_unknown_page_is_the_translated_404_page_with_strict_headers(
    client: httpx.AsyncClient,
) -> None:
    resp = await client.get("/nothing-here")
    assert resp.status_code == 404
    assert "Halaman tidak ditemukan" in resp.text
    assert '<html lang="id">' in resp.text
    csp = resp.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp
    assert "object-src 'self'" in csp and "frame-src 'self'" in csp  # documents in the page
    assert "unsafe-inline" not in csp
    assert resp.headers["cache-control"] == "no-store"
    assert resp.headers["x-frame-options"] == "DENY"
    english = await client.get("/nothing-here", cookies={"kopmod_lang": "en"})
    assert "Page not found" in english.text and '<html lang="en">' in english.text


async def test_language_switch_is_a_link_and_never_an_open_redirect(
    client: httpx.AsyncClient,
) -> None:
    resp = await client.get("/language/en", params={"next": "//evil.example/x"})
    assert resp.status_code == 303
    assert resp.headers["location"] == "/"
    assert "kopmod_lang=en" in resp.headers["set-cookie"]
    assert "HttpOnly" in resp.headers["set-cookie"]
    assert "SameSite=lax" in resp.headers["set-cookie"]


async def test_a_post_without_session_goes_to_sign_in_and_changes_nothing(
    client: httpx.AsyncClient,
) -> None:
    resp = await client.post("/sign-out", data={"csrf": "x"}, follow_redirects=False)
    assert resp.status_code == 303
    assert resp.headers["location"].startswith("/sign-in")


async def test_a_forged_session_cookie_is_dropped(client: httpx.AsyncClient) -> None:
    resp = await client.get("/", cookies={"kopmod_console": "forged"}, follow_redirects=False)
    assert resp.status_code == 303
    assert 'kopmod_console=""' in resp.headers.get("set-cookie", "")
