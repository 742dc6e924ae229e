"""The typed client other services use (kopmod_shared.clients.registry) against the real app."""

from __future__ import annotations

import uuid

import httpx
import pytest

from kopmod_shared.auth import Role
from kopmod_shared.clients.base import ClientCredentials
from kopmod_shared.clients.registry import RegistryClient
from kopmod_shared.errors import NotFound

from .conftest import ISSUER, create_cooperative, make_api_client


async def test_financing_reads_summary_snapshot_and_lineage(app, client, ministry_headers):
    a = await create_cooperative(client, ministry_headers, name="Koperasi Lama")
    b = await create_cooperative(client, ministry_headers, name="Koperasi Penerus")
    merged = await client.post(
        "/v1/restructurings/mergers",
        json={"predecessor_ids": [a["id"]], "successor_id": b["id"], "effective_on": "2024-01-01"},
        headers=ministry_headers,
    )
    assert merged.status_code == 201
    secret = await make_api_client(app, "financing-service", Role.service)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=ISSUER) as http:
        registry = RegistryClient(
            ISSUER,
            http,
            credentials=ClientCredentials(
                http, f"{ISSUER}/v1/oauth/token", "financing-service", secret
            ),
        )
        summary = await registry.get_cooperative(uuid.UUID(a["id"]))
        assert summary.name == "Koperasi Lama" and summary.status.value == "merged"
        snapshot = await registry.eligibility_snapshot(uuid.UUID(a["id"]))
        assert snapshot.merged_into == [uuid.UUID(b["id"])] and snapshot.active is False
        lineage = await registry.lineage(uuid.UUID(b["id"]))
        assert [link.cooperative.name for link in lineage.predecessors] == ["Koperasi Lama"]
        with pytest.raises(NotFound):
            await registry.eligibility_snapshot(uuid.uuid4())
