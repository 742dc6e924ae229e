"""A common word in the name search: the same rows, order and pages whether the probe ran or
this process remembered the word as common (``search.CommonWords``), and a rare word's ids are
always read afresh.

The registry here is small, so the cap is lowered to make ``pinjam`` common. Its matches sit
late in name order behind the other names, several share a name (ties broken by id across page
boundaries), and some only begin with the word (``Pinjaman``). The expected order comes from a
plain ``ORDER BY`` of a ``LIKE`` on the name, not from the list's own statement.
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from kopmod_shared.db import DriverQuery
from registry.cooperatives import search

from ..conftest import copy_cooperatives

CAP = 20
SURNAMES = ["Abadi", "Maju", "Zaitun", "Abadi", "Maju"]  # repeated names: ties on the name


def _row(i: int, name: str) -> tuple[Any, ...]:
    return (
        uuid.uuid4(),
        name,
        "simpan_pinjam" if "injam" in name else "jasa",
        "primary",
        None,
        None,
        f"{6200000000000 + i:013d}",
        None,
        date(1990 + i % 30, 1 + i % 12, 1),
        None,
        "32.73.01.2001",
        None,
        None,
        ["090111"],
        ["090111"],
        None,
        None,
        100,
        "active",
        f"WORDS-{i}",
        None,
        "common-words-test",
    )


def _names() -> list[str]:
    names = [f"Koperasi Jasa Plan {i}" for i in range(60)]
    names += [f"Koperasi Simpan Pinjam {SURNAMES[i % 5]}" for i in range(45)]
    names += [f"KSP Pinjaman Warga {i % 4}" for i in range(12)]
    names += ["Koperasi Konsumen Pinjam Dulu", "Koperasi Jasa Tanpa Kata"]
    return names


@pytest.fixture
async def registry(app, client, monkeypatch):
    """The names above, with statistics; a fresh memory of common words and a low cap."""
    await copy_cooperatives(app, (_row(i, n) for i, n in enumerate(_names())))
    monkeypatch.setattr(search, "FEW_NAME_MATCHES", CAP)
    monkeypatch.setattr(search, "COMMON_WORDS", search.CommonWords())


async def _expected(app, sort: str) -> list[str]:
    order = {
        "name": "name, id",
        "-name": "name DESC, id DESC",
        "created": "id",
        "-created": "id DESC",
    }[sort]
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT id::text FROM cooperatives WHERE created_by = 'common-words-test' "
                f"AND lower(name) LIKE '%pinjam%' ORDER BY {order}"
            )
        )
        return [r[0] for r in rows]


async def _pages(client, headers, query: str, limit: int) -> list[list[str]]:
    pages: list[list[str]] = []
    cursor = None
    while True:
        url = f"/v1/cooperatives?{query}&limit={limit}" + (f"&cursor={cursor}" if cursor else "")
        resp = await client.get(url, headers=headers)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        pages.append([c["id"] for c in body["items"]])
        cursor = body["next_cursor"]
        if not cursor:
            return pages


@pytest.fixture
def probes(monkeypatch) -> list[str]:
    """The name probes the requests ran."""
    seen: list[str] = []
    run = DriverQuery._run

    async def count(self, conn, method, params):
        if self is search._NAME_PROBE:
            seen.append(params["tsquery"])
        return await run(self, conn, method, params)

    monkeypatch.setattr(DriverQuery, "_run", count)
    return seen


@pytest.mark.parametrize("sort", ["name", "-name", "created", "-created"])
async def test_a_common_word_pages_the_same_probed_or_remembered(
    app, registry, client, ministry_headers, probes, monkeypatch, sort: str
):
    expected = await _expected(app, sort)
    assert len(expected) == 45 + 12 + 1 > CAP
    probed = await _pages(client, ministry_headers, f"q=pinjam&sort={sort}", 7)
    assert probes == ["pinjam:*"]  # found common once ...
    remembered = await _pages(client, ministry_headers, f"q=PINJAM&sort={sort}", 7)
    assert probes == ["pinjam:*"]  # ... and not asked again, page after page
    assert probed == remembered
    assert [id for page in probed for id in page] == expected
    assert all(len(page) == 7 for page in probed[:-1])
    # Served from the ids (the cap above the matches), the pages are the same too.
    monkeypatch.setattr(search, "FEW_NAME_MATCHES", 5000)
    assert await _pages(client, ministry_headers, f"q=pinjam&sort={sort}", 7) == probed


async def test_the_memory_lapses_and_a_rare_word_is_probed_every_time(
    app, registry, client, ministry_headers, probes, monkeypatch
):
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    await client.get("/v1/cooperatives?q=zaitun", headers=ministry_headers)
    await client.get("/v1/cooperatives?q=zaitun", headers=ministry_headers)
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    assert probes == ["pinjam:*", "zaitun:*", "zaitun:*"]
    clock = [1000.0]
    monkeypatch.setattr(search, "COMMON_WORDS", search.CommonWords(clock=lambda: clock[0]))
    probes.clear()
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    clock[0] += search.CommonWords.SECONDS - 1
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    assert probes == ["pinjam:*"]
    clock[0] += 2
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    assert probes == ["pinjam:*", "pinjam:*"]


async def test_a_rare_word_sees_a_new_match_at_once(app, registry, client, ministry_headers):
    """A rare word's page is served from the ids its probe read, so they must be read for each
    request: a cooperative registered in between is listed by the next one."""
    before = await _pages(client, ministry_headers, "q=zaitun&sort=name", 100)
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text(
                "UPDATE cooperatives SET name = 'Koperasi Zaitun Baru' "
                "WHERE name = 'Koperasi Jasa Tanpa Kata'"
            )
        )
    after = await _pages(client, ministry_headers, "q=zaitun&sort=name", 100)
    assert len(after[0]) == len(before[0]) + 1


async def test_a_remembered_word_that_became_rare_is_still_answered_right(
    app, registry, client, ministry_headers, probes
):
    """What is remembered chooses a plan, never an answer: a word remembered as common whose
    matches were then mostly removed is still listed exactly."""
    await client.get("/v1/cooperatives?q=pinjam", headers=ministry_headers)
    async with app.state.engine.begin() as conn:
        await conn.execute(
            text("DELETE FROM cooperatives WHERE name LIKE 'Koperasi Simpan Pinjam%'")
        )
    for sort in ("name", "created"):
        pages = await _pages(client, ministry_headers, f"q=pinjam&sort={sort}", 5)
        assert [id for page in pages for id in page] == await _expected(app, sort)
    assert probes == ["pinjam:*"]
