"""The admin's list of every person: by name, paged, found by text in the name or email, by
role, organisation and status; each listed person's access log records it; nobody but an admin
may list."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kopmod_shared.auth import Role
from registry.people.models import Membership, Person, PersonDataAccess


async def _people(app) -> uuid.UUID:
    coop = uuid.uuid4()
    async with app.state.sessionmaker() as s, s.begin():
        for name, email, role, org, status in [
            ("Siti Aminah", "siti@kopigayo.co.id", "cooperative", coop, "active"),
            ("Budi Santoso", "budi@lpdb.go.id", "fund_officer", None, "active"),
            ("Agus 50%_Komite", "agus@lpdb.go.id", "fund_committee", None, "disabled"),
        ]:
            person = Person(name=name, email=email, status=status)
            s.add(person)
            await s.flush()
            s.add(Membership(person_id=person.id, role=role, org_id=org))
    return coop


async def test_admin_lists_and_filters_every_person(app, client, admin_headers, headers_for):
    coop = await _people(app)
    everyone = await client.get("/v1/people", headers=admin_headers)
    assert everyone.status_code == 200, everyone.text
    names = [p["name"] for p in everyone.json()["items"]]
    assert names == sorted(names) and {"Siti Aminah", "Budi Santoso"} <= set(names)

    async def names_for(**params) -> list[str]:
        resp = await client.get("/v1/people", params=params, headers=admin_headers)
        assert resp.status_code == 200, resp.text
        return [p["name"] for p in resp.json()["items"]]

    assert await names_for(q="LPDB.GO") == ["Agus 50%_Komite", "Budi Santoso"]
    assert await names_for(q="50%_") == ["Agus 50%_Komite"]  # wildcards are text
    assert await names_for(q="0%x") == []
    assert await names_for(role="fund_officer") == ["Budi Santoso"]
    assert await names_for(org_id=str(coop)) == ["Siti Aminah"]
    assert await names_for(status="disabled") == ["Agus 50%_Komite"]
    first = await client.get("/v1/people", params={"limit": 1}, headers=admin_headers)
    assert len(first.json()["items"]) == 1 and first.json()["next_cursor"]

    async with app.state.sessionmaker() as s:
        logged = await s.scalars(
            select(PersonDataAccess.action).join(Person, Person.id == PersonDataAccess.person_id)
        )
        assert "list" in set(logged.all())

    bad = await client.get("/v1/people", params={"status": "asleep"}, headers=admin_headers)
    assert bad.status_code == 422
    assert bad.headers["content-type"].startswith("application/problem+json")
    for role in (Role.ministry, Role.fund_officer):
        refused = await client.get("/v1/people", headers=await headers_for(role))
        assert refused.status_code == 403, role
