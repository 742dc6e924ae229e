"""``GET /v1/notification-recipients``: the platform's services learn who to notify (an
organisation's active people, or a staff role's), nothing more, and each person's access log
says so; nobody else may ask."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from kopmod_shared.auth import Role
from registry.people.models import Membership, Person, PersonDataAccess


async def _person(app, name: str, role: str, org, *, status="active", active=True, lang="id"):
    async with app.state.sessionmaker() as s:
        person = Person(
            name=name, email=f"{uuid.uuid4().hex[:8]}@contoh.id", status=status, language=lang
        )
        s.add(person)
        await s.flush()
        s.add(Membership(person_id=person.id, role=role, org_id=org, active=active))
        await s.commit()
        return person


async def test_services_learn_an_organisations_people_and_a_staff_role(
    app, client, headers_for
) -> None:
    coop, other = uuid.uuid4(), uuid.uuid4()
    siti = await _person(app, "Siti", "cooperative", coop, lang="en")
    await _person(app, "Andi (invited)", "cooperative", coop, status="invited")
    await _person(app, "Dewi (membership ended)", "cooperative", coop, active=False)
    await _person(app, "Eko (another cooperative)", "cooperative", other)
    rina = await _person(app, "Rina", "fund_committee", None)
    await _person(app, "Joko (officer)", "fund_officer", None)
    service = await headers_for(Role.service)

    found = await client.get(
        "/v1/notification-recipients",
        params={"role": "cooperative", "org_id": str(coop)},
        headers=service,
    )
    assert found.status_code == 200, found.text
    assert found.json() == {
        "items": [
            {
                "person_id": str(siti.id),
                "name": "Siti",
                "email": siti.email,
                "language": "en",
                "role": "cooperative",
                "org_id": str(coop),
            }
        ],
        "next_cursor": None,
    }
    committee = await client.get(
        "/v1/notification-recipients", params={"role": "fund_committee"}, headers=service
    )
    assert [p["name"] for p in committee.json()["items"]] == ["Rina"]
    assert committee.json()["items"][0]["person_id"] == str(rina.id)
    async with app.state.sessionmaker() as s:
        logged = (await s.scalars(select(PersonDataAccess.action))).all()
    assert sorted(logged) == ["notify", "notify"]


async def test_nobody_else_asks_and_bad_questions_are_problems(app, client, headers_for) -> None:
    coop = uuid.uuid4()
    await _person(app, "Siti", "cooperative", coop)
    params = {"role": "cooperative", "org_id": str(coop)}
    for role, org in ((Role.admin, None), (Role.cooperative, coop), (Role.fund_committee, None)):
        refused = await client.get(
            "/v1/notification-recipients", params=params, headers=await headers_for(role, org=org)
        )
        assert refused.status_code == 403, (role, refused.text)
        assert refused.headers["content-type"].startswith("application/problem+json")
    service = await headers_for(Role.service)
    for bad in (
        {"role": "cooperative"},
        {"role": "fund_committee", "org_id": str(coop)},
        {"role": "service"},
        {},
    ):
        resp = await client.get("/v1/notification-recipients", params=bad, headers=service)
        assert resp.status_code == 422, (bad, resp.text)
        assert resp.json()["type"].endswith("validation-error")


async def test_asking_for_one_person_lists_and_logs_only_them(app, client, headers_for) -> None:
    """The notifier tells the officer who asked: only that officer is listed (and gets a
    ``notify`` entry), and nobody once they no longer hold the role."""
    joko = await _person(app, "Joko", "fund_officer", None)
    await _person(app, "Wati", "fund_officer", None)
    ended = await _person(app, "Budi (moved on)", "fund_officer", None, active=False)
    rina = await _person(app, "Rina", "fund_committee", None)
    service = await headers_for(Role.service)

    async def names(role: str, person_id: uuid.UUID) -> list[str]:
        resp = await client.get(
            "/v1/notification-recipients",
            params={"role": role, "person_id": str(person_id)},
            headers=service,
        )
        assert resp.status_code == 200, resp.text
        assert resp.json()["next_cursor"] is None
        return [item["name"] for item in resp.json()["items"]]

    assert await names("fund_officer", joko.id) == ["Joko"]
    assert await names("fund_officer", ended.id) == []
    assert await names("fund_officer", rina.id) == []  # holds another role
    async with app.state.sessionmaker() as s:
        logged = (
            await s.execute(select(PersonDataAccess.person_id, PersonDataAccess.action))
        ).all()
    assert logged == [(joko.id, "notify")]
    bad = await client.get(
        "/v1/notification-recipients",
        params={"role": "fund_officer", "person_id": "not-an-id"},
        headers=service,
    )
    assert bad.status_code == 422 and bad.json()["type"].endswith("validation-error")
