from __future__ import annotations

import uuid

from ..conftest import make_offtaker


async def test_admin_registers_offtaker_and_it_reads_its_own_profile(client, actors):
    offtaker_id = await make_offtaker(client, actors)
    own = await client.get(f"/v1/offtakers/{offtaker_id}", headers=actors.offtaker(offtaker_id))
    assert own.status_code == 200
    assert own.json()["name"] == "PT Kopi Nusantara"
    assert own.json()["verification_status"] == "unverified"

    other = await client.get(f"/v1/offtakers/{offtaker_id}", headers=actors.offtaker(uuid.uuid4()))
    assert other.status_code == 404


async def test_only_admin_verifies(client, actors):
    offtaker_id = await make_offtaker(client, actors)
    self_verify = await client.patch(
        f"/v1/offtakers/{offtaker_id}",
        json={"verification_status": "verified"},
        headers=actors.offtaker(offtaker_id),
    )
    assert self_verify.status_code == 403
    ok = await client.patch(
        f"/v1/offtakers/{offtaker_id}",
        json={"verification_status": "verified", "contact_name": "Budi"},
        headers=actors.admin(),
    )
    assert ok.status_code == 200
    assert ok.json()["verification_status"] == "verified"
    assert ok.json()["contact_name"] == "Budi"


async def test_offtaker_cannot_register_offtakers(client, actors):
    resp = await client.post(
        "/v1/offtakers",
        json={
            "name": "x",
            "kind": "retailer",
            "region_code": "31",
            "latitude": -6.2,
            "longitude": 106.8,
            "contact_name": "x",
            "contact_email": "x@y.id",
        },
        headers=actors.offtaker(uuid.uuid4()),
    )
    assert resp.status_code == 403
