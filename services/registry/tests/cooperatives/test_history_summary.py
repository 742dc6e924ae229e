"""The history row the list reads (``cooperative_history``, kept by triggers) equals the four
tables it summarises after any history: a randomized one of inserts, changes, moves between
cooperatives and deletes, one row or many per statement, and two writers of one cooperative at
once. The list's items stay equal to the single read, which derives everything from the tables.
"""

from __future__ import annotations

import asyncio
import random
import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from kopmod_shared.schemas.registry import HealthCategory
from registry.cooperatives.listing import CooperativeLister
from registry.cooperatives.repository import CooperativeReader
from registry.cooperatives.schemas import CooperativeFilters, SortKey
from registry.enums import MemberGroupKind

from ..conftest import create_cooperative

TODAY = date.today()
YEARS = list(range(TODAY.year - 6, TODAY.year))


def _rat(rng: random.Random, ids: list[str]) -> tuple[str, dict[str, Any]]:
    year = rng.choice(YEARS)
    return (
        "INSERT INTO annual_meetings (id, cooperative_id, year, held_on, attendance, net_surplus) "
        "VALUES (:id, :c, :y, :d, 10, 0) ON CONFLICT DO NOTHING",
        {
            "id": uuid.uuid4(),
            "c": rng.choice(ids),
            "y": year,
            "d": date(year + 1, 1, 1) + timedelta(days=rng.randrange(300)),
        },
    )


def _assessment(rng: random.Random, ids: list[str]) -> tuple[str, dict[str, Any]]:
    year = rng.choice(YEARS)
    return (
        "INSERT INTO health_assessments (id, cooperative_id, year, score, category, assessed_on) "
        "VALUES (:id, :c, :y, :s, :k, :d) ON CONFLICT DO NOTHING",
        {
            "id": uuid.uuid4(),
            "c": rng.choice(ids),
            "y": year,
            "s": Decimal(rng.randrange(0, 10001)) / 100,
            "k": rng.choice(list(HealthCategory)).value,
            "d": date(year + 1, 2, 1) + timedelta(days=rng.randrange(200)),
        },
    )


def _groups(rng: random.Random, ids: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """A cooperative's member groups replaced: one delete, then several rows in one insert."""
    c = rng.choice(ids)
    rows = [
        {
            "id": uuid.uuid4(),
            "c": c,
            "p": i,
            "k": rng.choice(list(MemberGroupKind)).value,
            "n": f"Kelompok {i} '{rng.randrange(99)}\"",
            "m": rng.randrange(1, 500),
            "v": Decimal(rng.randrange(0, 10001)) / 100,
            "d": rng.choice([None, "keterangan"]),
        }
        for i in range(rng.randrange(0, 4))
    ]
    steps = [("DELETE FROM member_groups WHERE cooperative_id = :c", {"c": c})]
    if rows:
        values = ", ".join(
            f"(:id{i}, :c{i}, :p{i}, :k{i}, :n{i}, :m{i}, :v{i}, :d{i})" for i in range(len(rows))
        )
        params = {f"{k}{i}": v for i, row in enumerate(rows) for k, v in row.items()}
        steps.append(
            (
                "INSERT INTO member_groups (id, cooperative_id, position, kind, name, "
                f"member_count, voting_share, description) VALUES {values}",
                params,
            )
        )
    return steps


STEPS = [
    lambda rng, ids: [_rat(rng, ids)],
    lambda rng, ids: [_rat(rng, ids)],
    lambda rng, ids: [_assessment(rng, ids)],
    _groups,
    # A RAT held on another day, or recorded for another year.
    lambda rng, ids: [
        (
            "UPDATE annual_meetings SET held_on = held_on + CAST(:n AS int) WHERE id = "
            "(SELECT id FROM annual_meetings WHERE cooperative_id = :c ORDER BY year LIMIT 1)",
            {"n": rng.randrange(-400, 400), "c": rng.choice(ids)},
        )
    ],
    lambda rng, ids: [
        (
            "UPDATE annual_meetings a SET year = a.year - 10 WHERE a.cooperative_id = :c "
            "AND a.year >= :first AND NOT EXISTS (SELECT FROM annual_meetings o "
            "WHERE o.cooperative_id = a.cooperative_id AND o.year = a.year - 10)",
            {"c": rng.choice(ids), "first": YEARS[0]},
        )
    ],
    # History moved from one cooperative to another (as a restructuring moves it).
    lambda rng, ids: [
        (
            "UPDATE health_assessments h SET cooperative_id = :to WHERE h.cooperative_id = :c "
            "AND NOT EXISTS (SELECT FROM health_assessments o WHERE o.cooperative_id = :to "
            "AND o.year = h.year)",
            {"c": rng.choice(ids), "to": rng.choice(ids)},
        )
    ],
    lambda rng, ids: [
        (
            "UPDATE health_assessments SET score = :s, category = :k WHERE cooperative_id = :c",
            {
                "s": Decimal(rng.randrange(0, 10001)) / 100,
                "k": rng.choice(list(HealthCategory)).value,
                "c": rng.choice(ids),
            },
        )
    ],
    # Many cooperatives in one statement.
    lambda rng, ids: [
        ("DELETE FROM annual_meetings WHERE year = :y", {"y": rng.choice(YEARS)}),
    ],
    lambda rng, ids: [
        ("DELETE FROM health_assessments WHERE score < :s", {"s": rng.randrange(0, 40)}),
    ],
    lambda rng, ids: [
        (
            "INSERT INTO secondary_memberships (secondary_id, member_id) "
            "VALUES (:s, :m) ON CONFLICT DO NOTHING",
            {"s": rng.choice(ids[:3]), "m": rng.choice(ids[3:])},
        )
    ],
    lambda rng, ids: [
        (
            "DELETE FROM secondary_memberships WHERE secondary_id = :s AND member_id = :m",
            {"s": rng.choice(ids[:3]), "m": rng.choice(ids[3:])},
        )
    ],
    lambda rng, ids: [("UPDATE member_groups SET voting_share = voting_share / 2", {})],
]


async def _assert_summaries_equal_tables(app, client, headers, ids: list[str]) -> None:
    """What the list reads from the history rows equals the facts read from the tables, and
    every listed item equals the single read."""
    async with app.state.engine.connect() as conn:
        reader = CooperativeReader(conn)
        listed = await CooperativeLister(conn).page_json(
            CooperativeFilters(), SortKey.created, 100, None, TODAY, True
        )
        by_id = {str(row.id): row for row in listed}
        for id in ids:
            found = await reader.get_with_facts(uuid.UUID(id))
            assert found is not None
            facts = found[1]
            assert by_id[id].rats == facts.rats, id
            assert by_id[id].health == facts.health, id
    resp = await client.get("/v1/cooperatives?limit=100", headers=headers)
    items = {c["id"]: c for c in resp.json()["items"]}
    for id in ids:
        one = (await client.get(f"/v1/cooperatives/{id}", headers=headers)).json()
        assert items[id] == one, id


async def test_history_rows_equal_the_tables_after_a_randomized_history(
    app, client, ministry_headers
):
    primary = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(7)]
    secondary = [
        (
            await create_cooperative(
                client,
                ministry_headers,
                level="secondary",
                member_cooperative_ids=primary[i : i + 3],
            )
        )["id"]
        for i in range(3)
    ]
    ids = secondary + primary  # secondaries first: the membership steps take them from ids[:3]
    rng = random.Random(20261203)
    for _ in range(8):
        for _ in range(25):
            async with app.state.engine.begin() as conn:
                # Sometimes several steps in one transaction.
                for _ in range(rng.choice([1, 1, 1, 3])):
                    for sql, params in rng.choice(STEPS)(rng, ids):
                        await conn.execute(text(sql), params)
        await _assert_summaries_equal_tables(app, client, ministry_headers, ids)
    async with app.state.engine.connect() as conn:
        kept = (await conn.execute(text("SELECT count(*) FROM cooperative_history"))).scalar()
    assert kept is not None and kept > 0
    # A cooperative deleted takes its history row with it.
    async with app.state.engine.begin() as conn:
        await conn.execute(text("DELETE FROM secondary_memberships"))
        await conn.execute(text("DELETE FROM cooperatives WHERE id = :c"), {"c": ids[-1]})
        left = await conn.execute(
            text("SELECT count(*) FROM cooperative_history WHERE cooperative_id = :c"),
            {"c": ids[-1]},
        )
        assert left.scalar() == 0
    await _assert_summaries_equal_tables(app, client, ministry_headers, ids[:-1])


async def test_two_writers_of_one_cooperative_both_count(app, client, ministry_headers):
    """Each writer recomputes the row after locking it: the second waits for the first and
    then reads its committed RAT, instead of writing a row computed without it."""
    c = (await create_cooperative(client, ministry_headers))["id"]
    insert = (
        "INSERT INTO annual_meetings (id, cooperative_id, year, held_on, attendance, net_surplus) "
        "VALUES (:id, :c, :y, :d, 10, 0)"
    )
    y0, y1, y2 = YEARS[0], YEARS[-1], YEARS[-2]
    async with app.state.engine.begin() as conn:  # the row exists before the two writers
        await conn.execute(
            text(insert), {"id": uuid.uuid4(), "c": c, "y": y0, "d": date(y0 + 1, 3, 1)}
        )
    first = await app.state.engine.connect()
    second = await app.state.engine.connect()
    try:
        await first.begin()
        await second.begin()
        await first.execute(
            text(insert), {"id": uuid.uuid4(), "c": c, "y": y1, "d": date(y1 + 1, 3, 1)}
        )
        waiting = asyncio.create_task(
            second.execute(
                text(insert), {"id": uuid.uuid4(), "c": c, "y": y2, "d": date(y2 + 1, 3, 1)}
            )
        )
        await asyncio.sleep(0.3)
        assert not waiting.done()  # the second waits for the first's lock
        await first.commit()
        await waiting
        await second.commit()
    finally:
        await first.close()
        await second.close()
    async with app.state.engine.connect() as conn:
        years = (
            await conn.execute(
                text("SELECT rat_years FROM cooperative_history WHERE cooperative_id = :c"),
                {"c": c},
            )
        ).scalar()
    assert years == [y1, y2, y0]
    await _assert_summaries_equal_tables(app, client, ministry_headers, [c])
