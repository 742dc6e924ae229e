"""The offtaker's story with JavaScript disabled in both browsers: every step is a plain HTML
form or link. The cooperative offers milled rice (360 px), the offtaker posts demand and runs
matching, the cooperative counters, the offtaker accepts and signs, the cooperative records a
delivery and the offtaker accepts it; the fulfilment page then counts it. (axe-core needs
JavaScript: the same pages are checked with it on in ``test_market_story`` and
``test_market_answers``.)"""

from __future__ import annotations

import pytest
from playwright.async_api import Browser

from .conftest import DESKTOP, MOBILE, new_page, sign_in
from .market_steps import main_text, offer_supply, post_demand, run_matching
from .platform import Platform

pytestmark = pytest.mark.e2e


async def test_offtaker_story_without_javascript(browser: Browser, platform: Platform) -> None:
    coop = platform.cooperative(name="Koperasi Beras Cianjur", rats=False)
    manager = platform.person("cooperative", coop["id"], name="Nur Aini")
    offtaker = platform.offtaker()
    buyer = platform.person("offtaker", offtaker["id"], name="Hendra Wijaya")
    base = platform.console
    coop_context, cp = await new_page(browser, MOBILE, javascript=False)
    buyer_context, bp = await new_page(browser, DESKTOP, javascript=False)
    try:
        await sign_in(cp, platform, manager, "/market/offers/new")
        await offer_supply(cp, "rice_milled", quantity="8", price="12.000", grade="premium")
        assert "Beras" in await main_text(cp)

        await sign_in(bp, platform, buyer, "/demand/new")
        demand_url = await post_demand(bp, "rice_milled", quantity="4", min_grade="medium_1")
        proposal_path = await run_matching(bp)
        chosen = await main_text(bp)
        assert "Koperasi Beras Cianjur: 4.000 kg" in chosen, chosen

        # The cooperative counters at a higher price.
        await cp.goto(base + proposal_path)
        assert "Giliran Anda" in await main_text(cp)
        await cp.locator("#unit_price").fill("13.500")
        await cp.locator("#note").fill("ongkos giling naik")
        await cp.get_by_role("button", name="Kirim syarat baru").click()
        await cp.wait_for_url(base + proposal_path)
        assert "Menunggu jawaban pembeli" in await main_text(cp)

        # The offtaker accepts the counter and signs.
        await bp.goto(base + proposal_path)
        text = await main_text(bp)
        assert "Rp13.500,00" in text and "ongkos giling naik" in text, text
        await bp.get_by_role("button", name="Terima syarat ini").click()
        await bp.wait_for_url(base + proposal_path)
        await bp.get_by_role("button", name="Tanda tangani kontrak").click()
        await bp.wait_for_url(f"{base}/market/contracts/*")
        contract_url = bp.url
        assert "aktif" in await main_text(bp)

        # A delivery of 1.500 kg recorded and accepted.
        await cp.goto(contract_url)
        await cp.locator("#quantity_delivered").fill("1.500")
        await cp.get_by_role("button", name="Catat pengiriman ini").click()
        await cp.wait_for_url(contract_url)
        assert "menunggu pembeli" in await main_text(cp)
        await bp.goto(contract_url)
        await bp.get_by_role("button", name="Terima pengiriman", exact=True).click()
        await bp.wait_for_url(contract_url)
        deliveries = await bp.get_by_role("region", name="Pengiriman", exact=True).inner_text()
        assert "diterima" in deliveries and "1.500" in deliveries, deliveries

        # What follows from it: the demand's proposal accepted, the fulfilment counted.
        await bp.goto(demand_url)
        assert "diterima" in await bp.locator("main li", has_text="Koperasi Beras").inner_text()
        await bp.goto(base + "/demand/fulfilment")
        row = await bp.locator("tbody tr", has_text="Koperasi Beras Cianjur").inner_text()
        assert "Beras" in row and "4.000 kg" in row and "1.500 kg" in row, row
    finally:
        await coop_context.close()
        await buyer_context.close()
