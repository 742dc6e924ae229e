"""Every console page, for every role the console knows: sign in as each (a cooperative's
manager, an offtaker's buyer, a fund officer, a committee member, a ministry officer, an
administrator), follow every same-origin link of the navigation and of the pages it leads to
(a bounded crawl, GET only: no sign-out, no language switch), and hold each page to the same
bar: it answers below 400, it is in Indonesian (``<html lang="id">``, no raw service code, unit
code or English sentence where the catalogs should speak), and axe-core finds nothing at 360 px
(nor sideways scrolling); the navigation's own pages again at desktop width.

Downloads (CSV, PDF, documents) are asked for and must answer below 400; only pages are checked.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from axe_playwright_python.async_playwright import Axe
from playwright.async_api import Browser, Page

from .conftest import DESKTOP, MOBILE, new_page, sign_in
from .desk_steps import client_token, fund_with_application
from .platform import Person, Platform

pytestmark = pytest.mark.e2e

ROLES = ["cooperative", "offtaker", "fund_officer", "fund_committee", "ministry", "admin"]
MAX_PAGES = 45  # per role: the navigation, its pages' links, and no further
NEVER = ("/sign-out", "/sign-in", "/signed-out", "/language/", "/auth/", "/static/")
DOWNLOAD = re.compile(r"(\.csv|\.pdf|/documents/[^/]+)$")
# What leaks when a page shows a service's word instead of the catalog's: a snake_case code
# (``desk_review``; a dotted audit action such as ``client.create`` is the record itself), a
# UN/ECE unit code, an English sentence (its small words never occur in Indonesian text).
RAW_CODE = re.compile(r"(?<![\w.@/:=?&-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![\w.@/-])")
UNIT_CODE = re.compile(r"\b(KGM|TNE|DTN|LTR|H87)\b")
ENGLISH = re.compile(r"\b(the|and|of|with|from|is|are|has|have|been|for|not|this|that)\b")
# Not leaks: the names the test platform gives its API clients (``fund_committee 1a2b3c``).
TEST_DATA = re.compile(r"\b(?:uji )?[a-z_]+ [0-9a-f]{6}\b")


def world(platform: Platform) -> dict[str, Person]:
    """A fund with an application in risk review with a credit assessment (so desk, committee
    and the cooperative have something to show), an offtaker, and one person of each role."""
    fund, application, _ = fund_with_application(platform)
    officer = client_token(platform, "fund_officer")
    base = f"/v1/applications/{application['id']}"
    for step, body in (
        ("field-survey", {"note": "Gudang diperiksa"}),
        ("risk-review", {"note": "Arus kas cukup"}),
        ("assessments", {"recommendation": "approve", "note": "Layak"}),
    ):
        done = platform.call("POST", "financing", f"{base}/{step}", token=officer, json=body)
        assert done.status_code in (200, 201), done.text
    offtaker = platform.offtaker()
    org = {"cooperative": application["cooperative_id"], "offtaker": offtaker["id"]}
    people = {role: platform.person(role, org.get(role), name="Sari Pertiwi") for role in ROLES}
    people["fund_officer"].extra["start"] = f"/desk?fund_id={fund['id']}"
    return people


@pytest.fixture(scope="module")
def people(platform: Platform) -> dict[str, Person]:
    return world(platform)


def local(base: str, current: str, href: str) -> str | None:
    """The path (and query) of a link to follow, or None: another origin, sign-out, a switch."""
    url, _ = urldefrag(urljoin(current, href))
    if not url.startswith(base + "/"):
        return None
    path = url[len(base) :]
    if any(path.startswith(p) for p in NEVER):
        return None
    return path


async def links(page: Page, base: str) -> list[str]:
    hrefs = await page.locator("a[href]").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    found = [local(base, page.url, h) for h in hrefs]
    return list(dict.fromkeys(p for p in found if p))


def leaks(text: str) -> list[str]:
    text = TEST_DATA.sub("", text)
    said = []
    for pattern in (RAW_CODE, UNIT_CODE, ENGLISH):
        said += [m.group(0) for m in pattern.finditer(text)]
    return sorted(set(said))


async def check_page(page: Page, path: str, width: int) -> list[str]:
    """What is wrong with the page now shown: lang, leaks, axe (every impact), width."""
    problems = []
    lang = await page.get_attribute("html", "lang")
    if lang != "id":
        problems.append(f'{path}: html lang="{lang}"')
    text = await page.locator("body").inner_text()
    # Written as code on purpose (a CSV file's column names): not said, shown.
    for shown in await page.locator("code, kbd, samp").all_inner_texts():
        text = text.replace(shown, "")
    if said := leaks(text):
        problems.append(f"{path} at {width}px: not in Indonesian: {said}")
    results = await Axe().run(page)
    for v in results.response["violations"]:
        nodes = "; ".join(n.get("html", "")[:160] for n in v["nodes"][:3])
        problems.append(f"{path} at {width}px: axe {v['impact']} {v['id']}: {v['help']}: {nodes}")
    wide = await page.evaluate("document.documentElement.scrollWidth")
    if wide > width:
        problems.append(f"{path} at {width}px: {wide} px wide")
    return problems


async def visit(page: Page, base: str, path: str) -> tuple[list[str], bool]:
    """Ask for ``path``; a page is opened in the browser. (problems, is a page)"""
    answer = await page.request.get(base + path, max_redirects=5)
    if answer.status >= 400:
        return [f"{path}: answered {answer.status}"], False
    if DOWNLOAD.search(urlsplit(path).path) or "text/html" not in answer.headers.get(
        "content-type", ""
    ):
        return [], False
    opened = await page.goto(base + path)
    assert opened is not None
    await page.wait_for_load_state("load")
    if opened.status >= 400:
        return [f"{path}: answered {opened.status}"], False
    return [], True


async def sweep(page: Page, platform: Platform, person: Person) -> tuple[list[str], list[str]]:
    """Every page the navigation and its pages link to; (problems, the pages seen)."""
    base = platform.console
    await sign_in(page, platform, person, str(person.extra.get("start", "/")))
    nav = await page.locator("details.nav-menu a[href]").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    landing = list(
        dict.fromkeys(["/", *nav, *([person.extra["start"]] if "start" in person.extra else [])])
    )
    queue: list[str] = list(landing)
    seen: list[str] = []
    problems: list[str] = []
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        found, is_page = await visit(page, base, path)
        problems += found
        if not is_page:
            continue
        problems += await check_page(page, path, MOBILE["width"])
        if path in landing:  # follow the landing pages' links, and no further
            queue += [p for p in await links(page, base) if p not in seen and p not in queue]
    # The navigation's pages at desktop width too.
    await page.set_viewport_size(DESKTOP)
    for path in landing:
        found, is_page = await visit(page, base, path)
        if is_page:
            problems += await check_page(page, path, DESKTOP["width"])
    return problems, seen


@pytest.mark.parametrize("role", ROLES)
async def test_every_page_of_a_role_is_indonesian_and_accessible(
    browser: Browser, platform: Platform, people: dict[str, Person], role: str
) -> None:
    context, page = await new_page(browser, MOBILE)
    try:
        problems, seen = await sweep(page, platform, people[role])
    finally:
        await context.close()
    assert len(seen) >= 3, seen  # the crawl did reach the pages
    assert problems == [], "\n".join(problems) + f"\n(pages seen: {seen})"


def test_the_leak_patterns_catch_what_they_should_and_no_more() -> None:
    assert leaks("Status: desk_review, 3.000 KGM") == ["KGM", "desk_review"]
    assert leaks("how many times the surplus covers the installments") == ["the"]
    said = "Tinjauan meja: 3.000 kg, client.rotate_secret oleh siti@koperasi-uji.co.id /desk?x_y=1"
    assert leaks(said) == []
    assert leaks("Klien fund_committee 1a2b3c (uji cooperative 0f9e8d)") == []
