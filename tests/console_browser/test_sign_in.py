"""Signing in and out of the console through the registry's OpenID Connect pages."""

from __future__ import annotations

import httpx
import pytest
from playwright.async_api import Browser, Page

from .conftest import MOBILE, assert_accessible, first_load, new_page, sign_in, sign_out
from .platform import Platform

pytestmark = pytest.mark.e2e


async def test_sign_in_see_home_sign_out(page: Page, platform: Platform) -> None:
    coop = platform.cooperative(rats=False)
    person = platform.person("cooperative", coop["id"], name="Siti Rahma")
    origins: set[str] = set()
    page.on("request", lambda r: origins.add(r.url.split("/")[2]))
    await sign_in(page, platform, person)
    assert page.url == platform.console + "/"
    await page.get_by_role("heading", name="Selamat datang, Siti Rahma").wait_for()
    assert await page.get_attribute("html", "lang") == "id"
    await assert_accessible(page)
    # A first load is light (the page and one stylesheet) and asks nothing of another origin.
    transferred, hosts = await first_load(page, platform.console + "/")
    assert transferred < 100_000, transferred
    assert hosts == {platform.console.split("/")[2]}
    # Only the console and the provider were asked for anything.
    assert origins <= {platform.console.split("/")[2], platform.urls["registry"].split("/")[2]}

    cookies = {c["name"]: c for c in await page.context.cookies()}
    session = cookies["kopmod_console"]
    assert session["httpOnly"] and session["sameSite"] == "Lax"

    await sign_out(page, platform)
    await assert_accessible(page)
    # The session is gone: its cookie opens nothing, and home asks to sign in again.
    resp = httpx.get(
        platform.console + "/",
        cookies={"kopmod_console": session["value"]},
        follow_redirects=False,
    )
    assert resp.status_code == 303 and resp.headers["location"].startswith("/sign-in")


async def test_staff_sign_in_with_totp_in_english(browser: Browser, platform: Platform) -> None:
    officer = platform.person("fund_officer")
    context, page = await new_page(browser, MOBILE)
    try:
        await page.goto(platform.console + "/language/en")
        await sign_in(page, platform, officer)
        assert officer.totp_secret
        await page.get_by_role("heading", name="Welcome, Budi Santoso").wait_for()
        assert await page.get_attribute("html", "lang") == "en"
        await assert_accessible(page)
    finally:
        await context.close()
