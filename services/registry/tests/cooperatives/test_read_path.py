"""The read path (one statement on the driver, no session) answers what the ORM would."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from registry.cooperatives.models import Cooperative, MemberGroup, SecondaryMembership
from registry.cooperatives.repository import (
    _RECORD_COLUMNS,
    CooperativeReader,
    CooperativeRepository,
)
from registry.demo import load_demo_data

from ..conftest import create_cooperative


async def test_the_driver_row_and_facts_equal_the_orm_for_every_column(
    app, client, ministry_headers
):
    async with app.state.sessionmaker() as session:
        await load_demo_data(session, n=40, seed=11)
        await session.commit()
    members = [(await create_cooperative(client, ministry_headers))["id"] for _ in range(3)]
    await create_cooperative(
        client, ministry_headers, level="secondary", member_cooperative_ids=members
    )
    async with app.state.sessionmaker() as session:
        cooperatives = list((await session.scalars(select(Cooperative))).all())
        by_session = await CooperativeRepository(session).facts_of([c.id for c in cooperatives])
        groups = (await session.scalars(select(MemberGroup))).all()
        memberships = (await session.scalars(select(SecondaryMembership))).all()
    # The data set exercises every fact: RATs, health, member groups and member cooperatives.
    assert groups and memberships
    assert any(f.rats for f in by_session.values()) and any(f.health for f in by_session.values())

    async with app.state.read_engine.connect() as conn:
        reader = CooperativeReader(conn)
        for c in cooperatives:
            found = await reader.get_with_facts(c.id)
            assert found is not None
            row, facts = found
            for column in _RECORD_COLUMNS:
                # Same value and same type (enums as enums, decimals as decimals, ...).
                expected, got = getattr(c, column.key), getattr(row, column.key)
                assert got == expected and type(got) is type(expected), column.key
            assert facts == by_session[c.id]
            assert [g.id for g in facts.member_groups] == [
                g.id for g in sorted(groups, key=lambda g: g.position) if g.cooperative_id == c.id
            ]
            assert facts.member_cooperatives == sorted(
                m.member_id for m in memberships if m.secondary_id == c.id
            )
        assert await reader.get_with_facts(uuid.UUID(int=0)) is None
