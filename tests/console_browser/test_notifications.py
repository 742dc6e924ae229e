"""Notifications in a real browser, end to end: an officer moves a cooperative's application on
(financing publishes the move, the console hears it as a subscriber, asks the registry who the
cooperative's people are, and files the notification); the cooperative's manager sees the item
and the unread count, opens it (read), and turns off the email for a kind. The mail of the
notification reaches the platform's SMTP server (aiosmtpd) once. axe-core on both pages at
360 px and desktop width. And the committee: an application referred to it is told to its
members in the inbox and by one mail."""

from __future__ import annotations

import time
from typing import Any

import pytest
from playwright.async_api import Page

from .conftest import assert_accessible, sign_in
from .desk_steps import client_token, fund_with_application
from .platform import Platform

pytestmark = pytest.mark.e2e


def _mails_to(platform: Platform, email: str) -> list[str]:
    """Subjects of the mails the console's SMTP server accepted for ``email``."""
    return [str(m["Subject"]) for m in platform.smtp_messages() if m["To"] == email]


async def test_a_person_sees_the_inbox_item_and_sets_a_preference(
    page: Page, platform: Platform
) -> None:
    _, application, _ = fund_with_application(platform)
    person = platform.person("cooperative", application["cooperative_id"], name="Siti Rahayu")
    officer = client_token(platform, "fund_officer")
    moved = platform.call(
        "POST",
        "financing",
        f"/v1/applications/{application['id']}/field-survey",
        token=officer,
        json={"note": "Survei lapangan ke gudang koperasi"},
    )
    assert moved.status_code == 200, moved.text

    await sign_in(page, platform, person, "/notifications")
    expected = "Permohonan pembiayaan Anda kini: survei lapangan"
    for _ in range(60):  # delivered by financing's relay, then the console's notifier
        # The header's count is read before the page's list (one request, two reads): a notice
        # filed between them is in the list and not yet in the count, so wait until they agree.
        unread = await page.locator(".notification-unread").count()
        header = f"Notifikasi belum dibaca: {unread}"
        if expected in await page.content() and header in await page.content():
            break
        time.sleep(0.5)
        await page.reload()
    assert expected in await page.content()
    # The move to desk review may be told too, when the notifier got to it after the invitation.
    unread = await page.locator(".notification-unread").count()
    assert unread in (1, 2)
    assert await page.locator(".unread-count").inner_text() == f"Notifikasi belum dibaca: {unread}"
    await assert_accessible(page)

    item = page.locator(".notification", has_text=expected)
    await item.locator("button[type=submit]").click()
    await page.wait_for_url(f"**/financing/applications/{application['id']}")
    await page.goto(platform.console + "/notifications")
    assert await page.locator(".notification-unread", has_text=expected).count() == 0
    assert await page.locator(".notification-unread").count() == unread - 1
    if unread == 2:
        await page.locator("form[action='/notifications/read'] button").click()
        await page.wait_for_url("**/notifications")
    assert await page.locator(".unread-count").count() == 0

    await page.goto(platform.console + "/notifications/preferences")
    await assert_accessible(page)
    email_box = page.locator("#application_status-email")
    assert await email_box.is_checked()
    await email_box.uncheck()
    await page.locator("form[action='/notifications/preferences'] button[type=submit]").click()
    await page.wait_for_url("**/notifications/preferences?saved=true")
    assert await page.locator("[role=status]").inner_text() == "Pengaturan Anda tersimpan."
    assert not await page.locator("#application_status-email").is_checked()
    assert await page.locator("#application_status-inbox").is_checked()
    await assert_accessible(page)

    # The move was mailed once, in Indonesian (the platform's SMTP server).
    assert _mails_to(platform, person.email).count(expected) == 1


async def test_the_committee_hears_of_an_application_once(page: Page, platform: Platform) -> None:
    """An application an officer refers to the committee: a committee member finds the notice
    in the inbox, it opens the committee's page of that application, and its mail reached the
    platform's SMTP server exactly once (no Message-ID there twice)."""
    _, application, _ = fund_with_application(platform)
    app_id = application["id"]
    member = platform.person("fund_committee", name="Agus Komite")
    officer = client_token(platform, "fund_officer")
    for step, body in (
        ("field-survey", {"note": "Survei lapangan ke gudang"}),
        ("risk-review", {"note": "Gudang dan mesin baik"}),
        ("assessments", {"recommendation": "approve"}),
        ("committee-referral", {}),
    ):
        resp = platform.call(
            "POST", "financing", f"/v1/applications/{app_id}/{step}", token=officer, json=body
        )
        assert resp.status_code in (200, 201), resp.text
    link = f"/committee/applications/{app_id}"

    def ours() -> list[Any]:
        return [
            m
            for m in platform.smtp_messages()
            if m["To"] == member.email and link in m.get_payload(decode=True).decode()
        ]

    await sign_in(page, platform, member, "/notifications")
    expected = "Sebuah permohonan pembiayaan menunggu keputusan komite."
    count = "Notifikasi belum dibaca: 1"
    for _ in range(60):  # financing's relay, then the console's notifier (every 2 s)
        # The header's count is read before the page's list (one request, two reads): a notice
        # filed between them shows in the list with the count not yet, so wait for both.
        content = await page.content()
        if expected in content and count in content and ours():
            break
        time.sleep(0.5)
        await page.reload()
    assert await page.locator(".notification", has_text=expected).count() == 1
    assert await page.locator(".unread-count").inner_text() == count
    await assert_accessible(page)
    # Two more notifier passes: nothing more leaves for it.
    time.sleep(5)
    mails = ours()
    assert len(mails) == 1
    assert mails[0]["Subject"] == "Persetujuan menunggu komite"
    every_id = [m["Message-ID"] for m in platform.smtp_messages()]
    assert len(every_id) == len(set(every_id))

    await page.locator(".notification button[type=submit]").click()
    await page.wait_for_url(f"**{link}")
    await assert_accessible(page)
