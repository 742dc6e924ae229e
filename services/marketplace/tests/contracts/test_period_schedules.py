"""Delivery schedules on weekly and monthly offers: no period holds more than the offer supplies
in one period, across every contract drawing on the offer, under the offer's row lock."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

from sqlalchemy import text

from marketplace.periods import add_months

from ..conftest import count, make_offtaker, match, post_demand, post_offer, today


def month_window() -> tuple[date, date]:
    start = today() + timedelta(days=5)
    return start, add_months(start, 6) - timedelta(days=1)


async def monthly_offer(client, actors, registry) -> tuple[str, dict, date, date]:
    start, end = month_window()
    coop = registry.add()
    offer = await post_offer(
        client,
        actors,
        registry,
        coop,
        quantity="10",
        unit="TNE",
        period="monthly",
        window_start=start.isoformat(),
        window_end=end.isoformat(),
    )
    return coop, offer, start, end


async def accepted_contract(
    client, actors, coop, offer, quantity: str, window_start: date, window_end: date, name: str
) -> dict:
    offtaker = await make_offtaker(client, actors, name=name)
    demand = await post_demand(
        client,
        actors,
        offtaker,
        quantity=quantity,
        unit="TNE",
        window_start=window_start.isoformat(),
        window_end=window_end.isoformat(),
    )
    run = await match(client, actors, offtaker, demand["id"])
    assert [a["offer_id"] for a in run["allocations"]] == [offer["id"]], run
    pid = run["allocations"][0]["proposal_id"]
    accepted = await client.post(f"/v1/proposals/{pid}/accept", headers=actors.cooperative(coop))
    return {"offtaker": offtaker, "demand": demand, "proposal_id": pid, "answer": accepted}


async def milestones_of(app, contract_id: str) -> list[tuple[str, str]]:
    async with app.state.engine.connect() as conn:
        rows = await conn.execute(
            text(
                "SELECT due_date, quantity FROM contract_milestones WHERE contract_id = :c "
                "ORDER BY seq"
            ),
            {"c": contract_id},
        )
        return [(r[0].isoformat(), format(r[1], "f")) for r in rows]


async def test_a_schedule_over_one_months_quantity_is_refused_and_nothing_is_written(
    client, actors, registry, app
):
    coop, offer, start, end = await monthly_offer(client, actors, registry)
    c = await accepted_contract(
        client, actors, coop, offer, "25", start + timedelta(days=1), end, "PT Satu"
    )
    assert c["answer"].status_code == 200, c["answer"].text
    contract_id = c["answer"].json()["contract_id"]
    before = await milestones_of(app, contract_id)
    assert len(before) == 6

    month1_end = add_months(start, 1) - timedelta(days=1)
    refused = await client.post(
        f"/v1/proposals/{c['proposal_id']}/confirm",
        json={
            "milestones": [
                {"due_date": (start + timedelta(days=10)).isoformat(), "quantity": "15000"},
                {"due_date": end.isoformat(), "quantity": "10000"},
            ]
        },
        headers=actors.offtaker(c["offtaker"]),
    )
    assert refused.status_code == 409, refused.text
    problem = refused.json()
    assert refused.headers["content-type"].startswith("application/problem+json")
    assert problem["type"].endswith("period-capacity-exceeded")
    assert problem["period"] == 1
    assert problem["period_start"] == start.isoformat()
    assert problem["period_end"] == month1_end.isoformat()
    assert problem["per_period_quantity"] == "10000.000"
    assert problem["already_scheduled"] == "0.000"
    assert problem["requested"] == "15000.000"
    assert "10000.000 KGM per period" in problem["detail"] and "15000.000" in problem["detail"]
    # Nothing written: still pending, the default schedule in place.
    contract = (
        await client.get(f"/v1/contracts/{contract_id}", headers=actors.offtaker(c["offtaker"]))
    ).json()
    assert contract["status"] == "pending"
    assert await milestones_of(app, contract_id) == before

    outside = await client.post(
        f"/v1/proposals/{c['proposal_id']}/confirm",
        json={
            "milestones": [
                {"due_date": (end + timedelta(days=1)).isoformat(), "quantity": "5000"},
                {"due_date": end.isoformat(), "quantity": "10000"},
                {"due_date": month1_end.isoformat(), "quantity": "10000"},
            ]
        },
        headers=actors.offtaker(c["offtaker"]),
    )
    assert outside.status_code == 422, outside.text
    assert outside.json()["errors"][0]["code"] == "outside_offer_window"
    assert await milestones_of(app, contract_id) == before

    # Exactly a month's quantity in a month is fine.
    ok = await client.post(
        f"/v1/proposals/{c['proposal_id']}/confirm",
        json={
            "milestones": [
                {"due_date": month1_end.isoformat(), "quantity": "10000"},
                {"due_date": (month1_end + timedelta(days=1)).isoformat(), "quantity": "10000"},
                {"due_date": end.isoformat(), "quantity": "5000"},
            ]
        },
        headers=actors.offtaker(c["offtaker"]),
    )
    assert ok.status_code == 200, ok.text
    assert [m["quantity"] for m in ok.json()["milestones"]] == [
        "10000.000",
        "10000.000",
        "5000.000",
    ]


async def test_a_second_contract_that_would_overfill_a_month_is_refused(
    client, actors, registry, app
):
    coop, offer, start, _end = await monthly_offer(client, actors, registry)
    in_month1 = (start + timedelta(days=2), start + timedelta(days=20))
    first = await accepted_contract(client, actors, coop, offer, "8", *in_month1, "PT Satu")
    assert first["answer"].status_code == 200, first["answer"].text
    # Matching sees 52 t left and 10 t in the month; the month has 2 t left beside the first.
    second = await accepted_contract(client, actors, coop, offer, "8", *in_month1, "PT Dua")
    refused = second["answer"]
    assert refused.status_code == 409, refused.text
    problem = refused.json()
    assert problem["type"].endswith("period-capacity-exceeded")
    assert problem["period"] == 1 and problem["period_start"] == start.isoformat()
    assert problem["already_scheduled"] == "8000.000"
    assert problem["requested"] == "8000.000"
    assert problem["per_period_quantity"] == "10000.000"
    # Nothing written by the refused acceptance.
    assert await count(app, "contracts") == 1
    stored = (
        await client.get(f"/v1/offers/{offer['id']}", headers=actors.cooperative(coop))
    ).json()
    assert stored["remaining_quantity"] == "52000.000"
    demand = (
        await client.get(
            f"/v1/demands/{second['demand']['id']}", headers=actors.offtaker(second["offtaker"])
        )
    ).json()
    assert demand["remaining_quantity"] == "8000.000" and demand["status"] == "open"
    proposal = (
        await client.get(f"/v1/proposals/{second['proposal_id']}", headers=actors.cooperative(coop))
    ).json()
    assert proposal["status"] == "proposed"

    # A later month still has room: the same quantity there is accepted.
    month2 = (add_months(start, 1) + timedelta(days=1), add_months(start, 1) + timedelta(days=20))
    third = await accepted_contract(client, actors, coop, offer, "8", *month2, "PT Tiga")
    assert third["answer"].status_code == 200, third["answer"].text


async def test_concurrent_schedules_cannot_both_fill_the_same_month(client, actors, registry, app):
    coop, offer, start, end = await monthly_offer(client, actors, registry)
    window = (start + timedelta(days=1), end)
    contracts = []
    for name in ("PT Satu", "PT Dua"):
        c = await accepted_contract(client, actors, coop, offer, "12", *window, name)
        assert c["answer"].status_code == 200, c["answer"].text
        contracts.append(c)
    month1_end = add_months(start, 1) - timedelta(days=1)
    body = {
        "milestones": [
            {"due_date": month1_end.isoformat(), "quantity": "6000"},
            {"due_date": end.isoformat(), "quantity": "6000"},
        ]
    }
    # Each alone fits (6 t beside the other's 2 t a month); together month 1 would hold 12 t.
    # Hold the offer's row lock meanwhile: both confirmations must queue on it (a schedule
    # check that did not lock the offer would run through and both would fit).
    async with app.state.engine.connect() as blocker, blocker.begin():
        await blocker.execute(
            text("SELECT 1 FROM supply_offers WHERE id = :o FOR UPDATE"), {"o": offer["id"]}
        )
        tasks = [
            asyncio.create_task(
                client.post(
                    f"/v1/proposals/{c['proposal_id']}/confirm",
                    json=body,
                    headers=actors.offtaker(c["offtaker"]),
                )
            )
            for c in contracts
        ]
        await asyncio.sleep(0.5)
        assert not any(t.done() for t in tasks), [t.result().text for t in tasks if t.done()]
    answers = await asyncio.gather(*tasks)
    assert sorted(r.status_code for r in answers) == [200, 409], [r.text for r in answers]
    refused = next(r for r in answers if r.status_code == 409).json()
    assert refused["type"].endswith("period-capacity-exceeded")
    assert refused["period"] == 1 and refused["already_scheduled"] == "6000.000"
    async with app.state.engine.connect() as conn:
        statuses = sorted(r[0] for r in await conn.execute(text("SELECT status FROM contracts")))
        in_month1 = (
            await conn.execute(
                text(
                    "SELECT sum(m.quantity) FROM contract_milestones m "
                    "JOIN contracts c ON c.id = m.contract_id "
                    "WHERE c.offer_id = :o AND m.due_date <= :d"
                ),
                {"o": offer["id"], "d": month1_end},
            )
        ).scalar()
    assert statuses == ["active", "pending"]
    assert in_month1 == 8000
