"""The market's other answers in real browsers, axe-core on every page at 360 px and desktop:
a cooperative changes and withdraws supply offers and rejects a proposal (seen on its home page
first, then with whose turn it is and when it lapses); the offtaker closes one demand and
cancels another; a delivery rejected with its reason, disputed from the contract, followed in
the disputes list and settled by the offtaker (an award above the claim refused next to its
field first). Commodity names, grades and quantities as Indonesians write them."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Browser

from .conftest import DESKTOP, MOBILE, new_page, sign_in
from .market_steps import check, main_text, offer_supply, post_demand, run_matching
from .platform import Platform

pytestmark = pytest.mark.e2e


async def test_offers_changed_and_withdrawn_proposal_rejected_demand_closed_and_cancelled(
    browser: Browser, platform: Platform
) -> None:
    coop = platform.cooperative(name="Koperasi Kakao Sigi", rats=False)
    manager = platform.person("cooperative", coop["id"], name="Dewi Lestari")
    offtaker = platform.offtaker()
    buyer = platform.person("offtaker", offtaker["id"], name="Rudi Hartono")
    base = platform.console
    coop_context, cp = await new_page(browser, MOBILE)
    buyer_context, bp = await new_page(browser, DESKTOP)
    try:
        # An offer posted, then changed: the list shows it in Indonesian.
        await sign_in(cp, platform, manager, "/market/offers/new")
        await offer_supply(cp, "cocoa_beans", quantity="5", price="40.000", grade="mutu_2")
        await check(cp)
        await cp.locator("#quantity").fill("6")
        await cp.locator("#asking_price").fill("42.500")
        await cp.get_by_role("button", name="Simpan perubahan").click()
        await cp.wait_for_url(base + "/market/offers")
        row = cp.locator("tbody tr", has_text="Mutu II")
        text = await row.inner_text()
        assert "Biji kakao" in text and "6.000 kg" in text and "Rp42.500,00" in text, text
        await check(cp)

        # A second offer, withdrawn: its state says so and no withdraw button is left.
        await cp.goto(base + "/market/offers/new")
        await offer_supply(cp, "cocoa_beans", quantity="2", price="55000", grade="mutu_1")
        second = cp.url
        await cp.get_by_role("button", name="Tarik penawaran").click()
        await cp.wait_for_url(base + "/market/offers")
        assert "ditarik" in await cp.locator("tbody tr", has_text="Rp55.000,00").inner_text()
        await cp.goto(second)
        assert await cp.get_by_role("button", name="Tarik penawaran").count() == 0
        await check(cp)

        # The offtaker's demand is matched to the first offer; the cooperative rejects.
        await sign_in(bp, platform, buyer, "/demand/new")
        demand_url = await post_demand(bp, "cocoa_beans", quantity="3", min_grade="mutu_3")
        assert "Mutu III" in await main_text(bp)
        proposal_path = await run_matching(bp)
        await check(bp)
        await cp.goto(base + "/")
        text = await main_text(cp)
        assert f"{offtaker['name']}: 3.000 kg" in text, text
        await check(cp)
        await cp.goto(base + proposal_path)
        text = await main_text(cp)
        assert "Giliran Anda" in text and "Biji kakao" in text and "3.000 kg" in text, text
        assert re.search(r"Jawab paling lambat\s+\d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB", text), text
        await check(cp)
        await cp.locator("#reject_note").fill("Stok kami sudah terikat kontrak lain")
        await cp.get_by_role("button", name="Tolak syarat ini").click()
        await cp.wait_for_url(base + proposal_path)
        text = await main_text(cp)
        assert "ditolak" in text and "Stok kami sudah terikat" in text, text
        assert await cp.get_by_role("button", name="Terima syarat ini").count() == 0
        await check(cp)

        # The offtaker sees the rejection, closes the demand, and cancels a second one.
        await bp.goto(demand_url)
        proposal = bp.locator("main li", has_text="Koperasi Kakao Sigi")
        assert "ditolak" in await proposal.inner_text()
        await bp.get_by_role("button", name="Tutup permintaan").click()
        await bp.wait_for_url(demand_url)
        assert "ditutup" in await main_text(bp)
        assert await bp.get_by_role("button", name="Tutup permintaan").count() == 0
        await check(bp)
        await bp.goto(base + "/demand/new")
        second_demand = await post_demand(bp, "cocoa_beans", quantity="1")
        await bp.get_by_role("button", name="Batalkan permintaan").click()
        await bp.wait_for_url(second_demand)
        assert "dibatalkan" in await main_text(bp)
        await bp.goto(base + "/demand")
        text = await main_text(bp)
        assert "ditutup" in text and "dibatalkan" in text, text
        await check(bp)
    finally:
        await coop_context.close()
        await buyer_context.close()


async def test_delivery_rejected_then_disputed_and_settled(
    browser: Browser, platform: Platform
) -> None:
    coop = platform.cooperative(name="Koperasi Lada Bangka", rats=False)
    manager = platform.person("cooperative", coop["id"], name="Agus Salim")
    offtaker = platform.offtaker()
    buyer = platform.person("offtaker", offtaker["id"], name="Maya Sari")
    base = platform.console
    coop_context, cp = await new_page(browser, MOBILE)
    buyer_context, bp = await new_page(browser, DESKTOP)
    try:
        await sign_in(cp, platform, manager, "/market/offers/new")
        await offer_supply(cp, "pepper", quantity="4", price="45000")
        await sign_in(bp, platform, buyer, "/demand/new")
        await post_demand(bp, "pepper", quantity="2")
        proposal_path = await run_matching(bp)
        # The cooperative accepts as proposed; the offtaker signs.
        await cp.goto(base + proposal_path)
        await cp.get_by_role("button", name="Terima syarat ini").click()
        await cp.wait_for_url(base + proposal_path)
        await bp.goto(base + proposal_path)
        await bp.get_by_role("button", name="Tanda tangani kontrak").click()
        await bp.wait_for_url(f"{base}/market/contracts/*")
        contract_url = bp.url

        # A delivery of 1.000 kg, rejected whole with its reason.
        await cp.goto(contract_url)
        assert "Lada" in await main_text(cp)
        await cp.locator("#quantity_delivered").fill("1.000")
        await cp.get_by_role("button", name="Catat pengiriman ini").click()
        await cp.wait_for_url(contract_url)
        await bp.goto(contract_url)
        await bp.locator("#reject_reason").fill("Kadar air 16%, di atas batas 13%")
        await bp.get_by_role("button", name="Tolak pengiriman").click()
        await bp.wait_for_url(contract_url)
        deliveries = await bp.get_by_role("region", name="Pengiriman", exact=True).inner_text()
        assert "ditolak" in deliveries and "Kadar air 16%" in deliveries, deliveries
        await check(bp)

        # The cooperative disputes 600 kg of it from the contract.
        await cp.goto(contract_url)
        assert "Kadar air 16%" in await main_text(cp)
        await cp.locator("#claimed_quantity").fill("600")
        await cp.locator("#reason").fill("Diuji ulang di gudang: kadar air 12%")
        await cp.get_by_role("button", name="Ajukan sengketa").click()
        await cp.wait_for_url(contract_url)
        await check(cp)
        await cp.goto(base + "/market/disputes?status=open")
        row = cp.locator("tbody tr", has_text="Diuji ulang")
        assert "600 kg" in await row.inner_text()
        await check(cp)
        await row.get_by_role("link").click()
        await cp.wait_for_load_state()
        dispute_url = cp.url
        text = await main_text(cp)
        assert "terbuka" in text and "Menunggu pembeli" in text, text
        assert await cp.get_by_role("button", name="Selesaikan sengketa").count() == 0
        await check(cp)

        # The offtaker follows it and concedes 400 kg (700 is refused: above the claim).
        await bp.goto(base + "/market/disputes")
        await bp.locator("tbody a", has_text="Diuji ulang").click()
        await bp.wait_for_url(dispute_url)
        await check(bp)
        await bp.locator("#awarded_quantity").fill("700")
        await bp.locator("#resolution").fill("Diterima sebagian setelah uji bersama")
        await bp.get_by_role("button", name="Selesaikan sengketa").click()
        await bp.locator("#awarded_quantity-error").wait_for()
        await check(bp)
        await bp.locator("#awarded_quantity").fill("400")
        await bp.get_by_role("button", name="Selesaikan sengketa").click()
        await bp.wait_for_url(dispute_url)
        text = await main_text(bp)
        assert "selesai" in text and "Diterima sebagian" in text and "400 kg" in text, text
        await check(bp)

        # The cooperative reads the settlement; the contract counts 400 kg accepted.
        await cp.goto(dispute_url)
        assert "Diterima sebagian setelah uji bersama" in await main_text(cp)
        await cp.goto(base + "/market/disputes?status=resolved")
        assert "Diuji ulang" in await main_text(cp)
        await cp.goto(contract_url)
        assert re.search(r"Diterima\s+400 kg", await main_text(cp))
        await check(cp)
    finally:
        await coop_context.close()
        await buyer_context.close()
