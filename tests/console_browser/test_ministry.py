"""The ministry and the platform operator in the console: an officer imports a CSV with errors
(and sees them row by row), finds the cooperatives by name, previews and records a fusion (and
sees the lineage drawn), reads the programme view; an admin rotates a client's secret, finds it
in the audit trail with names, and finds a person by name. Every page visited passes axe, at
360 px too (wide tables scroll inside their own region)."""

from __future__ import annotations

import pytest
from playwright.async_api import Page

from .conftest import assert_accessible, nav_link, sign_in
from .platform import Platform

pytestmark = pytest.mark.e2e

CSV = (
    b"name,type,founded_on,region_code\n"
    b"Koperasi Impor Sejahtera,produsen,2016-05-01,32.73.01.1001\n"
    b",produsen,2016-05-01,99.99.99.9999\n"
)


async def test_ministry_imports_with_errors_and_records_a_fusion(
    page: Page, platform: Platform
) -> None:
    officer = platform.person("ministry", name="Dewi Lestari")
    first = platform.cooperative("Koperasi Tani Makmur")
    second = platform.cooperative("Koperasi Kopi Lestari")
    await sign_in(page, platform, officer, "/registry")
    await page.get_by_role("heading", name="Registri").wait_for()
    await assert_accessible(page)

    # A CSV with a bad row: nothing is written, and each problem is a row of the table.
    await page.get_by_role("link", name="Impor koperasi dari berkas CSV").click()
    await assert_accessible(page)
    await page.locator("#file").set_input_files(
        files=[{"name": "koperasi.csv", "mimeType": "text/csv", "buffer": CSV}]
    )
    await page.get_by_role("button", name="Impor").click()
    table = page.get_by_role("table", name="Masalah per baris")
    await table.wait_for()
    rows = await table.locator("tbody tr").all_inner_texts()
    assert rows and all(r.split("\t")[0].strip() == "2" for r in rows), rows
    assert any("name" in r for r in rows) and any("region_code" in r for r in rows), rows
    await page.get_by_role("link", name="Berkas tidak diimpor: perbaiki baris di bawah.").wait_for()
    await assert_accessible(page)

    # A fusion: the preview says what follows and draws the lineage; then it is recorded.
    await page.goto(platform.console + "/registry/restructuring")
    await page.get_by_label("Peleburan: dua koperasi atau lebih menjadi koperasi baru").check()
    # Found by name, never typed as ids; the first one chosen stays while the second is found.
    for coop in (first, second):
        await page.locator("#find").fill(coop["name"])
        await page.get_by_role("button", name="Cari", exact=True).click()
        await page.locator(f"#pred-{coop['id']}").check()
    await assert_accessible(page)
    assert await page.locator(f"#pred-{first['id']}").is_checked()
    await page.locator("#successor_name").fill("Koperasi Hasil Peleburan Priangan")
    await page.locator("#successor_type").select_option("produsen")
    await page.locator("#successor_founded_on").fill("2026-11-01")
    await page.locator("#successor_region_code").fill("32.05.01.2001")
    await page.locator("#effective_on").fill("2026-11-01")
    await page.get_by_role("button", name="Pratinjau akibatnya").click()
    await page.get_by_role("heading", name="Akibatnya").wait_for()
    moves = page.get_by_role("table", name="Yang pindah dan yang tetap")
    assert "Koperasi Tani Makmur" in await moves.inner_text()
    graph = page.get_by_role("img", name="Silsilah setelah restrukturisasi")
    assert "Koperasi Hasil Peleburan" in await graph.inner_html()
    await assert_accessible(page)
    await page.get_by_role("button", name="Catat", exact=True).click()
    await page.get_by_role("heading", name="Koperasi Hasil Peleburan Priangan").wait_for()
    lineage = page.get_by_role("img", name="Koperasi Hasil Peleburan Priangan")
    drawn = await lineage.inner_html()
    assert "Koperasi Tani Makmur" in drawn and "Koperasi Kopi Lestari" in drawn
    steps = await page.locator("figcaption li").all_inner_texts()
    assert any(s.startswith("Koperasi Tani Makmur ke Koperasi Hasil Peleburan") for s in steps)
    await assert_accessible(page)

    # The programme view: charts with their tables, and the CSV.
    await (await nav_link(page, "Program")).click()
    await page.get_by_role("heading", name="Program modernisasi koperasi").wait_for()
    await page.get_by_role("table", name="Tabel: Koperasi per fase program").wait_for()
    await assert_accessible(page)


async def test_admin_rotates_a_secret_and_finds_it_in_the_audit_trail(
    page: Page, platform: Platform
) -> None:
    admin = platform.person("admin", name="Rina Operator")
    await sign_in(page, platform, admin, "/admin/clients")
    await page.get_by_role("heading", name="Klien API").first.wait_for()
    await assert_accessible(page)
    await page.locator("#name").fill("Integrasi Bank Jabar")
    await page.locator("#role").select_option("partner")
    await page.get_by_label("registry:read").check()
    await page.get_by_role("button", name="Buat klien").click()
    await page.get_by_role("heading", name="Klien dibuat").wait_for()
    await assert_accessible(page)
    first_secret = (await page.locator(".summary-row dd").nth(1).inner_text()).strip()

    await page.get_by_role("link", name="Kembali ke klien").click()
    await assert_accessible(page)
    await page.get_by_role("button", name="Ganti rahasia").click()
    await page.get_by_role("heading", name="Rahasia diganti").wait_for()
    new_secret = (await page.locator(".summary-row dd").nth(1).inner_text()).strip()
    assert new_secret and new_secret != first_secret
    await page.get_by_role("link", name="Kembali ke klien").click()

    await page.get_by_role("link", name="Yang dilakukan terhadap klien ini (jejak audit)").click()
    await page.get_by_role("heading", name="Jejak audit").wait_for()
    records = page.get_by_role("table", name="Catatan audit, terbaru lebih dulu")
    text = await records.inner_text()
    assert "client.rotate_secret" in text and "client.create" in text
    # Names, not only ids: who did it and to what.
    assert "Rina Operator" in text and "Integrasi Bank Jabar" in text
    assert new_secret not in await page.content()
    await assert_accessible(page)

    # Every person, found by name (not by an organisation's id).
    await (await nav_link(page, "Orang")).click()
    await page.locator("#q").fill("Rina Oper")
    await page.get_by_role("button", name="Tampilkan orangnya").click()
    people = page.get_by_role("table", name="Orang, menurut nama")
    assert "Rina Operator" in await people.inner_text()
    await assert_accessible(page)
