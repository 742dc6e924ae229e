"""Weekly and monthly offers: capacity over the window, matched and committed beyond one period."""

from __future__ import annotations

from datetime import date, timedelta

from marketplace.periods import add_months

from ..conftest import make_offtaker, match, post_demand, post_offer, today


def six_month_window() -> tuple[date, date]:
    start = today() + timedelta(days=5)
    return start, add_months(start, 6) - timedelta(days=1)


async def test_monthly_offer_supplies_its_quantity_in_each_month_of_the_window(
    client, actors, registry
):
    start, end = six_month_window()
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
    assert offer["quantity"] == "10000.000" and offer["period"] == "monthly"
    assert offer["periods"] == 6
    assert offer["capacity_total"] == "60000.000"
    assert offer["remaining_quantity"] == "60000.000"

    # A demand over the whole window takes 25 t: more than one month's 10 t.
    offtaker = await make_offtaker(client, actors)
    demand = await post_demand(
        client,
        actors,
        offtaker,
        quantity="25",
        unit="TNE",
        window_start=(start + timedelta(days=5)).isoformat(),
        window_end=end.isoformat(),
    )
    run = await match(client, actors, offtaker, demand["id"])
    assert [(a["offer_id"], a["quantity"]) for a in run["allocations"]] == [
        (offer["id"], "25000.000")
    ], run
    accepted = await client.post(
        f"/v1/proposals/{run['allocations'][0]['proposal_id']}/accept",
        headers=actors.cooperative(coop),
    )
    assert accepted.status_code == 200, accepted.text
    stored = (
        await client.get(f"/v1/offers/{offer['id']}", headers=actors.cooperative(coop))
    ).json()
    assert stored["remaining_quantity"] == "35000.000"
    assert stored["status"] == "partially_committed"
    assert stored["capacity_total"] == "60000.000"

    # The contract's default schedule keeps each month within 10 t: spread over the six months,
    # each milestone due on its month's last day.
    contract = (
        await client.get(
            f"/v1/contracts/{accepted.json()['contract_id']}", headers=actors.offtaker(offtaker)
        )
    ).json()
    quantities = [m["quantity"] for m in contract["milestones"]]
    assert quantities == ["4166.670", "4166.666", "4166.666", "4166.666", "4166.666", "4166.666"]
    dues = [m["due_date"] for m in contract["milestones"]]
    assert dues == [(add_months(start, k + 1) - timedelta(days=1)).isoformat() for k in range(6)]


async def test_weekly_offer_counts_a_partial_last_week_in_full(client, actors, registry):
    start = today() + timedelta(days=3)
    offer = await post_offer(
        client,
        actors,
        registry,
        quantity="500",
        unit="KGM",
        period="weekly",
        window_start=start.isoformat(),
        window_end=(start + timedelta(days=15)).isoformat(),  # 2 weeks and 2 days
        min_order="100",
    )
    assert offer["periods"] == 3
    assert offer["capacity_total"] == "1500.000" == offer["remaining_quantity"]


async def test_one_off_offer_is_its_quantity_once(client, actors, registry):
    offer = await post_offer(client, actors, registry, quantity="5", unit="TNE")
    assert offer["period"] == "one_off" and offer["periods"] == 1
    assert offer["quantity"] == offer["capacity_total"] == offer["remaining_quantity"] == "5000.000"


async def test_a_demand_within_one_month_is_matched_at_most_one_months_quantity(
    client, actors, registry
):
    start, end = six_month_window()
    offer = await post_offer(
        client,
        actors,
        registry,
        quantity="10",
        unit="TNE",
        period="monthly",
        window_start=start.isoformat(),
        window_end=end.isoformat(),
    )
    offtaker = await make_offtaker(client, actors)
    month2 = add_months(start, 1)
    demand = await post_demand(
        client,
        actors,
        offtaker,
        quantity="25",
        unit="TNE",
        window_start=(month2 + timedelta(days=3)).isoformat(),
        window_end=(month2 + timedelta(days=25)).isoformat(),
    )
    run = await match(client, actors, offtaker, demand["id"])
    assert [(a["offer_id"], a["quantity"]) for a in run["allocations"]] == [
        (offer["id"], "10000.000")
    ], run
    assert run["unmet_quantity"] == "15000.000"
