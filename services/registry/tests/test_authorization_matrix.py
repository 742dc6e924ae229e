"""The authorisation matrix of the registry, generated from its route table
(``kopmod_shared.testing_authz``): every id-taking route, called with the ids of cooperative A's
objects by principals bound to another organisation, is refused and leaks nothing of A."""

from __future__ import annotations

import uuid

from kopmod_shared.auth import Role
from kopmod_shared.testing_authz import id_routes, run_matrix

from .conftest import create_cooperative

# Routes every authenticated caller may read, with the reason. Anything else that takes an id
# must refuse another organisation.
READABLE_BY_ALL = {
    "GET /v1/cooperatives/{cooperative_id}": "public profile (legal identity, region, sectors); "
    "full record only to the cooperative itself, ministry, admin, partners with registry:read",
    "GET /v1/cooperatives/{cooperative_id}/products": "the product mix is public (marketplace)",
    "GET /v1/cooperatives/{cooperative_id}/lineage": "mergers and spin-offs are public record",
    "GET /v1/cooperatives/{cooperative_id}/lineage-graph": "the same lineage, drawn",
    "GET /v1/restructurings/{restructuring_id}": "mergers and spin-offs are public record",
    "GET /v1/cooperatives/{cooperative_id}/modernisation": "programme cohort and phase are public",
    "GET /v1/cooperatives/{cooperative_id}/modernisation.pdf": "the same scorecard, printed",
    "GET /v1/cooperatives/{cooperative_id}/modernisation-stages": "phase history is public",
}

REGISTRY_READ_GRANTS = {
    "GET /v1/cooperatives/{cooperative_id}/member-groups": "registry:read grants full records",
    "GET /v1/cooperatives/{cooperative_id}/eligibility-snapshot": "registry:read grants it",
    "GET /v1/cooperatives/{cooperative_id}/rats": "registry:read grants full records",
    "GET /v1/cooperatives/{cooperative_id}/health-assessments": "registry:read grants them",
    "GET /v1/cooperatives/{cooperative_id}/mentoring": "registry:read grants full records",
}


async def test_other_organisations_are_refused_on_every_id_route(
    app, client, ministry_headers, headers_for
) -> None:
    coop = await create_cooperative(client, ministry_headers, name="Koperasi Rahasia A")
    coop_id = coop["id"]
    as_a = await headers_for(Role.cooperative, org=uuid.UUID(coop_id))
    product = await client.post(
        f"/v1/cooperatives/{coop_id}/products",
        json={"name": "Kopi rahasia A", "hs_code": "090111", "processed": False},
        headers=as_a,
    )
    assert product.status_code == 201, product.text
    mentoring = await client.post(
        f"/v1/cooperatives/{coop_id}/mentoring",
        json={"focus": ["governance"], "mentor": "Mentor Rahasia A", "started_on": "2022-03-01"},
        headers=ministry_headers,
    )
    assert mentoring.status_code == 201, mentoring.text
    partner_a = await headers_for(Role.partner, scopes=["registry:read"])
    endpoint = await client.post(
        "/v1/webhooks",
        json={"url": "http://receiver.test/hook-a", "event_types": []},
        headers=partner_a,
    )
    assert endpoint.status_code == 201, endpoint.text
    me_a = (await client.get("/v1/me", headers=partner_a)).json()
    listed = await client.get("/v1/clients", headers=await headers_for(Role.admin))
    client_a = next(c for c in listed.json()["items"] if c["client_id"] == me_a["client_id"])

    person = await client.post(
        "/v1/people/invitations",
        json={
            "email": "rahasia-a@kopigayo.co.id",
            "name": "Pengurus Rahasia A",
            "role": "cooperative",
            "org_id": coop_id,
        },
        headers=ministry_headers,
    )
    assert person.status_code == 201, person.text
    admin = await headers_for(Role.admin)
    app_a = await client.post(
        "/v1/oidc-clients",
        json={
            "name": "Aplikasi A",
            "client_id": "aplikasi-rahasia-a",
            "confidential": True,
            "redirect_uris": ["https://a.example/cb"],
        },
        headers=admin,
    )
    assert app_a.status_code == 201, app_a.text

    ids = {
        "cooperative_id": coop_id,
        "person_id": person.json()["id"],
        "org_id": coop_id,
        "membership_id": person.json()["memberships"][0]["id"],
        "client_id": "aplikasi-rahasia-a",
        "product_id": product.json()["id"],
        "record_id": mentoring.json()["id"],
        "endpoint_id": endpoint.json()["id"],
        "client_uuid": client_a["id"],
        # A delivery of A's endpoint: none exists yet; an unknown id under A's endpoint.
        "delivery_id": str(uuid.uuid4()),
    }
    other = uuid.uuid4()
    outsiders = {
        "cooperative of another organisation": await headers_for(Role.cooperative, org=other),
        "offtaker of another organisation": await headers_for(Role.offtaker, org=other),
        "partner without scopes": await headers_for(Role.partner),
    }
    result = await run_matrix(
        client,
        app,
        ids=ids,
        outsiders=outsiders,
        allowed=READABLE_BY_ALL,
        secrets=[
            "Kopi rahasia A",
            "Mentor Rahasia A",
            coop["nib"],
            "hook-a",
            me_a["client_id"],
            "rahasia-a@kopigayo.co.id",
            "Pengurus Rahasia A",
            "https://a.example/cb",
        ],
    )
    assert result.failures == [], "\n".join(result.failures)
    assert result.calls >= len(id_routes(app)) * 2
    assert set(result.by_status) <= {403, 404, 422}

    # A partner *with* registry:read reads every cooperative's full record by design (the scope
    # is the grant); everything else of A (its clients, webhook endpoints, writes) stays refused.
    granted = await run_matrix(
        client,
        app,
        ids=ids,
        outsiders={
            "partner with registry:read, another client": await headers_for(
                Role.partner, scopes=["registry:read"]
            )
        },
        allowed={**READABLE_BY_ALL, **REGISTRY_READ_GRANTS},
        secrets=["hook-a", me_a["client_id"], "rahasia-a@kopigayo.co.id", "https://a.example/cb"],
    )
    assert granted.failures == [], "\n".join(granted.failures)
