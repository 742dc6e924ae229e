"""The offtaker's story in real browsers: the cooperative offers supply (360 px), the offtaker
posts demand and runs matching (desktop), sees the split and why; the cooperative counters in
its own session; the offtaker accepts and signs; the cooperative records a delivery and the
offtaker accepts it. axe-core on every page visited, at 360 px and at desktop width; another
cooperative's person editing the URL gets the 404 page and nothing of the proposal."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Browser

from .conftest import DESKTOP, MOBILE, new_page, sign_in
from .market_steps import check, day
from .platform import Platform

pytestmark = pytest.mark.e2e


async def test_offtaker_story(browser: Browser, platform: Platform) -> None:
    coop = platform.cooperative(name="Koperasi Kopi Garut Pasar", rats=False)
    manager = platform.person("cooperative", coop["id"], name="Budi Santoso")
    offtaker = platform.offtaker()
    buyer = platform.person("offtaker", offtaker["id"], name="Siti Rahma")
    base = platform.console
    coop_context, cp = await new_page(browser, MOBILE)
    buyer_context, bp = await new_page(browser, DESKTOP)
    try:
        # The cooperative offers 5 t of green coffee.
        await sign_in(cp, platform, manager, "/market/offers/new")
        await check(cp)
        await cp.locator("#commodity_code").select_option("coffee_green")
        await cp.locator("#grade").select_option("mutu_2")
        await cp.locator("#quantity").fill("5")
        await cp.locator("#window_start").fill(day(0))
        await cp.locator("#window_end").fill(day(90))
        await cp.locator("#asking_price").fill("40.000")
        await cp.get_by_role("button", name="Tawarkan pasokan").click()
        await cp.wait_for_load_state()
        assert cp.url.endswith("/edit"), await cp.locator("main").inner_text()
        await check(cp)

        # The offtaker posts 3 t of demand and runs matching.
        await sign_in(bp, platform, buyer, "/demand/new")
        await check(bp)
        await bp.locator("#commodity_code").select_option("coffee_green")
        await bp.locator("#min_grade").select_option("mutu_3")
        await bp.locator("#quantity").fill("3")
        await bp.locator("#min_lot").fill("1")
        await bp.locator("#window_start").fill(day(10))
        await bp.locator("#window_end").fill(day(60))
        await bp.locator("#place_name").fill("Gudang Bandung")
        await bp.locator("#latitude").fill("-6.91")
        await bp.locator("#longitude").fill("107.61")
        await bp.locator("#price_floor").fill("35000")
        await bp.locator("#price_ceiling").fill("60000")
        await bp.get_by_role("button", name="Pasang permintaan").click()
        await bp.wait_for_load_state()
        demand_url = bp.url
        assert not demand_url.endswith("/demand/new"), await bp.locator("main").inner_text()
        await check(bp)
        await bp.get_by_role("button", name="Jalankan pencocokan dan kirim penawaran").click()
        await bp.wait_for_url(demand_url)
        chosen = bp.get_by_role("heading", name=re.compile("^Koperasi Kopi Garut Pasar: 3.000"))
        await chosen.wait_for()
        assert "Biaya sampai tujuan" in await bp.locator("main").inner_text()
        await check(bp)
        link = bp.locator("main a[href^='/market/proposals/']")
        assert await link.count() == 1
        proposal_path = await link.get_attribute("href")
        assert proposal_path

        # The cooperative, in its own session, sees whose turn it is and counters.
        await cp.goto(base + "/market/proposals")
        await check(cp)
        assert offtaker["name"] in await cp.locator("main").inner_text()
        await cp.goto(base + proposal_path)
        await check(cp)
        await cp.locator("#unit_price").fill("45000")
        await cp.locator("#note").fill("harga panen naik")
        await cp.get_by_role("button", name="Kirim syarat baru").click()
        await cp.wait_for_url(base + proposal_path)
        assert "Menunggu jawaban pembeli" in await cp.locator("main").inner_text()
        await check(cp)

        # The offtaker accepts the counter and signs the contract.
        await bp.goto(base + "/market")
        await check(bp)
        await bp.goto(base + proposal_path)
        assert "Rp45.000,00" in await bp.locator("main").inner_text()
        await check(bp)
        await bp.get_by_role("button", name="Terima syarat ini").click()
        await bp.wait_for_url(base + proposal_path)
        await check(bp)
        await bp.get_by_role("button", name="Tanda tangani kontrak").click()
        await bp.wait_for_url(f"{base}/market/contracts/*")
        contract_url = bp.url
        await check(bp)

        # The cooperative records a delivery; the offtaker accepts it.
        await cp.goto(contract_url)
        await check(cp)
        await cp.locator("#quantity_delivered").fill("1000")
        await cp.get_by_role("button", name="Catat pengiriman ini").click()
        await cp.wait_for_url(contract_url)
        assert "menunggu pembeli" in await cp.locator("main").inner_text()
        await check(cp)
        await bp.goto(contract_url)
        await check(bp)
        await bp.get_by_role("button", name="Terima pengiriman", exact=True).click()
        await bp.wait_for_url(contract_url)
        deliveries = bp.get_by_role("region", name="Pengiriman", exact=True)
        assert "diterima" in await deliveries.inner_text()
        assert "1.000" in await deliveries.inner_text()
        await check(bp)
        await bp.goto(base + "/demand/fulfilment")
        assert "Koperasi Kopi Garut Pasar" in await bp.locator("main").inner_text()
        await check(bp)
        # The lists each party works from.
        for path in ("/demand", "/demand/profile", "/market/contracts?status=active"):
            await bp.goto(base + path)
            await check(bp)
        assert "Koperasi Kopi Garut Pasar" in await bp.locator("main").inner_text()
        for path in ("/market", "/market/offers", "/market/contracts", "/market/disputes"):
            await cp.goto(base + path)
            await check(cp)
    finally:
        await coop_context.close()
        await buyer_context.close()

    # Another cooperative's person edits the URL: the 404 page, nothing of the proposal.
    other = platform.cooperative(name="Koperasi Lain Sekali", rats=False)
    stranger = platform.person("cooperative", other["id"], name="Ani")
    context, page = await new_page(browser, MOBILE)
    try:
        await sign_in(page, platform, stranger, "/market")
        response = await page.goto(base + proposal_path)
        assert response is not None and response.status == 404
        text = await page.locator("main").inner_text()
        assert offtaker["name"] not in text and "45.000" not in text
        response = await page.goto(contract_url)
        assert response is not None and response.status == 404
        await check(page)
    finally:
        await context.close()
