"""The submission's write path: what it writes, in how many statements (never how fast)."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from kopmod_shared.testing_sql import statements as counted

from ..helpers import draft, funded_fund, make_product, run_eligibility


async def test_a_submission_and_its_eligibility_check_take_few_statements(
    app, client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    fake_registry.add(coop)
    application = await draft(client, tokens, product["id"], coop)
    headers = {**tokens.cooperative(coop), "Idempotency-Key": "submit-1"}
    calls = fake_registry.calls
    with counted(app.state.engine) as seen:
        resp = await client.post(f"/v1/applications/{application['id']}/submit", headers=headers)
    assert resp.status_code == 200, resp.text
    assert resp.json()["status"] == "eligibility_check"
    assert fake_registry.calls == calls  # the request does not wait for the registry
    with counted(app.state.engine) as worker:
        assert await run_eligibility(client) == {"desk_review": 1}
    async with app.state.engine.connect() as conn:
        steps = (
            await conn.execute(
                text(
                    "SELECT action, from_status, to_status FROM application_events "
                    "WHERE application_id = :a ORDER BY at, id"
                ),
                {"a": application["id"]},
            )
        ).all()
        audit = await conn.scalar(
            text("SELECT count(*) FROM audit_records WHERE action = 'application.submit'")
        )
        outbox = (
            await conn.scalars(
                text("SELECT type FROM outbox_events WHERE subject = :a ORDER BY seq"),
                {"a": application["id"]},
            )
        ).all()
    # The two transitions of the submission written in one flush still read in order.
    assert [tuple(s) for s in steps] == [
        ("create", None, "draft"),
        ("submit", "draft", "submitted"),
        ("start_eligibility", "submitted", "eligibility_check"),
        ("pass_eligibility", "eligibility_check", "desk_review"),
    ]
    assert audit == 1
    # Each move is also published as ``status_changed`` (three moves: submit, start the check,
    # pass it), in the same statements as the rest.
    changed = "financing.application.status_changed"
    assert [t for t in outbox if t != changed] == [
        "financing.application.submitted",
        "financing.application.eligibility_passed",
    ]
    assert outbox.count(changed) == 3
    # The request: BEGIN, idempotency lock and lookup (one statement: ``idempotency_claim()``),
    # the application with its product (one statement), then ONE statement for every write
    # (the application's UPDATE, both history rows, the outbox event, the audit row and the
    # idempotency record: data-modifying CTEs), COMMIT. The check runs in the eligibility
    # worker, not in the request.
    assert seen == ["BEGIN", "SELECT", "SELECT", "WITH", "COMMIT"], seen
    # The worker's round: the claim (one UPDATE ... RETURNING), then for the check BEGIN,
    # application, product, check, event, status, outbox (the move's ``status_changed`` and the
    # outcome), COMMIT.
    assert worker[:3] == ["BEGIN", "UPDATE", "COMMIT"], worker
    assert len(worker) <= 12, worker
