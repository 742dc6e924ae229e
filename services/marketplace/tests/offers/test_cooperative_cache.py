"""The registry's answer about an offering cooperative, kept for a bounded time: a cooperative
the registry suspends can offer for at most ``cooperative_cache_seconds`` after the change, and
not at all once the registry's event about it has arrived (``marketplace.offers.cooperatives``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from kopmod_shared.events import EventType
from kopmod_shared.schemas.registry import CooperativeSummary
from kopmod_shared.webhooks.testing import deliver, envelope, subscribe_directly
from marketplace.models import event_subscriptions
from marketplace.offers.cooperatives import ActiveCooperatives

from ..conftest import offer_body


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(app: Any) -> Iterator[Clock]:
    """The app's kept answers on a clock the test moves (60 s, as the default setting)."""
    clock = Clock()
    before = app.state.cooperatives
    app.state.cooperatives = ActiveCooperatives(60, timer=clock)
    yield clock
    app.state.cooperatives = before


async def _offer(client, actors, coop) -> Any:
    return await client.post("/v1/offers", json=offer_body(), headers=actors.cooperative(coop))


async def test_a_suspended_cooperative_can_offer_for_at_most_the_bound(
    client, actors, registry, clock
):
    coop = registry.add()
    assert (await _offer(client, actors, coop)).status_code == 201
    registry.cooperatives[str(coop)]["status"] = "inactive"  # suspended in the registry
    clock.now += 59  # within the bound: the kept answer stands, the registry is not asked
    assert (await _offer(client, actors, coop)).status_code == 201
    assert registry.calls == 1
    clock.now += 2  # past it: asked again, and refused
    refused = await _offer(client, actors, coop)
    assert refused.status_code == 422, refused.text
    assert "inactive" in refused.json()["detail"]
    assert registry.calls == 2
    # A refusal is not kept: active again in the registry, it may offer at once.
    registry.cooperatives[str(coop)]["status"] = "active"
    assert (await _offer(client, actors, coop)).status_code == 201


async def test_the_registrys_event_ends_it_at_once(client, actors, registry, app):
    secret = await subscribe_directly(
        app.state.engine,
        event_subscriptions,
        "registry",
        [EventType.COOPERATIVE_UPDATED, EventType.COOPERATIVE_RESTRUCTURED],
    )
    coop, merged = registry.add(), registry.add()
    for c in (coop, merged):
        assert (await _offer(client, actors, c)).status_code == 201
    registry.cooperatives[str(coop)]["status"] = "dissolved"
    # Kept: without the event it could still offer (within the bound).
    assert (await _offer(client, actors, coop)).status_code == 201
    updated = envelope(
        "registry",
        EventType.COOPERATIVE_UPDATED,
        {**registry.cooperatives[str(coop)], "changed": ["status"]},
        subject=coop,
    )
    assert (await deliver(client, updated, secret)).status_code == 204
    refused = await _offer(client, actors, coop)  # no time has passed
    assert refused.status_code == 422 and "dissolved" in refused.json()["detail"]

    registry.cooperatives[str(merged)]["status"] = "merged"
    successor = registry.add()
    restructured = envelope(
        "registry",
        EventType.COOPERATIVE_RESTRUCTURED,
        {
            "restructuring_id": str(uuid.uuid4()),
            "kind": "merger",
            "effective_on": "2026-02-01",
            "predecessor_ids": [str(merged)],
            "successor_ids": [str(successor)],
            "merged_ids": [str(merged)],
            "moved_assets": [],
            "successor_names": {},
        },
        subject=successor,
    )
    assert (await deliver(client, restructured, secret)).status_code == 204
    refused = await _offer(client, actors, merged)
    assert refused.status_code == 422 and "merged" in refused.json()["detail"]


def _summary(status: str = "active") -> CooperativeSummary:
    return CooperativeSummary(
        id=uuid.uuid4(), name="Koperasi", type="produsen", status=status, region_code="32.05"
    )


def test_only_active_answers_are_kept_and_the_size_is_bounded() -> None:
    clock = Clock()
    kept = ActiveCooperatives(60, maxsize=2, timer=clock)
    inactive = _summary("inactive")
    kept.keep(inactive)
    assert kept.get(inactive.id) is None
    first, second, third = _summary(), _summary(), _summary()
    for c in (first, second, third):
        kept.keep(c)
    assert len(kept) == 2 and kept.get(first.id) is None  # the oldest went first
    assert kept.get(third.id) == third
    clock.now += 60
    assert kept.get(third.id) is None


def test_zero_seconds_keeps_nothing() -> None:
    kept = ActiveCooperatives(0)
    c = _summary()
    kept.keep(c)
    assert kept.get(c.id) is None and len(kept) == 0
