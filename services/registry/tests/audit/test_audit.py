"""The registry's audit trail: every command leaves a row (refusals too, secrets never), and the
platform operator searches it by person, object and time range, page by page."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from kopmod_shared.auth import Role

from ..conftest import create_cooperative

URL = "/v1/audit-records"


async def _search(client, headers, **params) -> dict:  # type: ignore[no-untyped-def]
    resp = await client.get(URL, params=params, headers=headers)
    assert resp.status_code == 200, resp.text
    return resp.json()


async def test_rotating_a_client_secret_is_found_by_object_and_actor(client, admin_headers) -> None:
    created = await client.post(
        "/v1/clients",
        json={"name": "Bank Jabar integration", "role": "partner", "scopes": ["registry:read"]},
        headers=admin_headers,
    )
    assert created.status_code == 201, created.text
    partner = created.json()
    rotated = await client.post(f"/v1/clients/{partner['id']}/secret", headers=admin_headers)
    assert rotated.status_code == 200, rotated.text
    new_secret = rotated.json()["client_secret"]
    deactivated = await client.patch(
        f"/v1/clients/{partner['id']}", json={"active": False}, headers=admin_headers
    )
    assert deactivated.status_code == 200, deactivated.text

    body = await _search(client, admin_headers, target_id=partner["id"])
    assert [r["action"] for r in body["items"]] == [
        "client.change",
        "client.rotate_secret",
        "client.create",  # a 201's target is what it created
    ]
    rotation = body["items"][1]
    assert rotation["actor"] == "admin-test" and rotation["actor_role"] == "admin"
    assert rotation["outcome"] == "succeeded" and rotation["status_code"] == 200
    assert rotation["method"] == "POST"
    assert rotation["path"] == f"/v1/clients/{partner['id']}/secret"
    assert body["items"][0]["request"]["body"] == {"active": False}
    # The new secret is in the answer only, never in the trail.
    everything = await _search(client, admin_headers, limit=100)
    assert new_secret not in str(everything)
    by_actor = await _search(client, admin_headers, actor="admin-test", action="client.create")
    assert [r["target_id"] for r in by_actor["items"]] == [partner["id"]]


async def test_refusals_are_recorded_and_secrets_redacted(
    client, admin_headers, headers_for
) -> None:
    ministry = await headers_for(Role.ministry)
    refused = await client.post(
        "/v1/clients", json={"name": "x", "role": "partner"}, headers=ministry
    )
    assert refused.status_code == 403
    [row] = (await _search(client, admin_headers, action="client.create"))["items"]
    assert row["outcome"] == "refused" and row["status_code"] == 403
    assert row["actor_role"] == "ministry" and row["problem_type"].endswith("forbidden")
    # A person's password change never lands in the trail, whatever the field is called.
    hook = await client.post(
        "/v1/webhooks",
        json={"url": "https://hooks.bank.test/kopmod", "event_types": []},
        headers=admin_headers,
    )
    assert hook.status_code == 201, hook.text
    rotated = await client.post(f"/v1/webhooks/{hook.json()['id']}/secret", headers=admin_headers)
    assert rotated.status_code == 200
    rows = (await _search(client, admin_headers, target_id=hook.json()["id"]))["items"]
    assert [r["action"] for r in rows] == ["webhook.rotate_secret", "webhook.subscribe"]
    assert hook.json()["secret"] not in str(rows) and rotated.json()["secret"] not in str(rows)


async def test_registry_work_is_found_under_the_cooperative(
    client, admin_headers, ministry_headers
) -> None:
    coop = await create_cooperative(client, ministry_headers)
    rat = await client.post(
        f"/v1/cooperatives/{coop['id']}/rats",
        json={
            "year": 2025,
            "held_on": "2026-03-20",
            "attendance": 210,
            "members_total": 400,
            "net_surplus": "45000000.50",
        },
        headers=ministry_headers,
    )
    assert rat.status_code == 201, rat.text
    rows = (await _search(client, admin_headers, target_id=coop["id"]))["items"]
    assert [r["action"] for r in rows] == ["rat.record", "cooperative.register"]
    assert {r["actor_role"] for r in rows} == {"ministry"}


async def test_time_range_and_pages(client, admin_headers, ministry_headers) -> None:
    for _ in range(3):
        await create_cooperative(client, ministry_headers)
    now = datetime.now(UTC)
    first = await _search(client, admin_headers, limit=2, action="cooperative.register")
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = await _search(
        client, admin_headers, limit=2, action="cooperative.register", cursor=first["next_cursor"]
    )
    assert len(second["items"]) == 1 and second["next_cursor"] is None
    seen = [r["id"] for r in first["items"] + second["items"]]
    assert len(set(seen)) == 3
    later = (now + timedelta(minutes=5)).isoformat()
    earlier = (now - timedelta(minutes=5)).isoformat()
    assert (await _search(client, admin_headers, since=later))["items"] == []
    assert len((await _search(client, admin_headers, since=earlier, until=later))["items"]) >= 3
    assert (await _search(client, admin_headers, until=earlier))["items"] == []
    bad = await client.get(URL, params={"since": later, "until": earlier}, headers=admin_headers)
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "query.until"


async def test_only_the_operator_reads_the_trail(client, headers_for) -> None:
    for role, org in (
        (Role.ministry, None),
        (Role.cooperative, uuid.uuid4()),
        (Role.partner, None),
        (Role.service, None),
    ):
        resp = await client.get(URL, headers=await headers_for(role, org=org))
        assert resp.status_code == 403, role
        assert "items" not in resp.json()
    assert (await client.get(URL)).status_code == 401


async def test_a_nul_character_in_a_refused_command_is_recorded_not_lost(
    client, admin_headers, headers_for
) -> None:
    """Postgres stores no NUL in text or jsonb: a hostile request carrying one (body, query or
    key) still leaves its row, the NUL shown as U+FFFD."""
    ministry = await headers_for(Role.ministry)
    refused = await client.post(
        "/v1/clients",
        params={"note\x00": "a\x00b"},
        json={"name": "nul\x00name", "role": "partner", "k\x00": ["\x00"]},
        headers=ministry,
    )
    assert refused.status_code == 403
    [row] = (await _search(client, admin_headers, action="client.create"))["items"]
    assert row["outcome"] == "refused"
    assert row["request"]["body"] == {
        "name": "nul\ufffdname",
        "role": "partner",
        "k\ufffd": ["\ufffd"],
    }
    assert row["request"]["query"] == {"note\ufffd": "a\ufffdb"}
