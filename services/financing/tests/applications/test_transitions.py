"""Every transition of the application state machine, and every refusal of an illegal one."""

from __future__ import annotations

import uuid

import pytest

from financing.applications.states import (
    TRANSITIONS,
    Action,
    ApplicationStatus,
    next_states,
    next_status,
)
from kopmod_shared.errors import InvalidTransition

from ..helpers import (
    approved,
    draft,
    funded_fund,
    in_committee,
    make_product,
    submit,
    submitted,
)

# endpoint -> (action, who calls it)
ENDPOINTS = {
    "submit": (Action.submit, "applicant"),
    "withdraw": (Action.withdraw, "applicant"),
    "field-survey": (Action.start_field_survey, "officer"),
    "risk-review": (Action.start_risk_review, "officer"),
    "committee-referral": (Action.refer_to_committee, "officer"),
    "reject": (Action.reject, "decider"),
    "approve": (Action.approve, "committee"),
    "sign": (Action.sign, "officer"),
}
BODIES = {
    "reject": {"reason": "no"},
    "approve": {"reason": "yes"},
    "sign": {},
    "withdraw": {},
    "field-survey": {},
    "risk-review": {},
    "committee-referral": {},
}


def test_the_table_names_every_state_and_refuses_the_rest():
    for status in ApplicationStatus:
        for action in Action:
            target = TRANSITIONS.get((status, action))
            if target is None:
                with pytest.raises(InvalidTransition) as err:
                    next_status(status, action)
                assert err.value.extra == {
                    "current_state": status.value,
                    "attempted": action.value,
                    "allowed": next_states(status),
                }
            else:
                assert next_status(status, action) is target
    # Terminal states have no way out.
    for status in (
        ApplicationStatus.signed,
        ApplicationStatus.rejected,
        ApplicationStatus.withdrawn,
    ):
        assert next_states(status) == []
    assert next_states(ApplicationStatus.committee) == [
        "approved",
        "rejected",
        "risk_review",
        "withdrawn",
    ]


async def _zoo(client, tokens, fake_registry):
    """One application in every state that can be observed through the API."""
    suffix = uuid.uuid4().hex[:6]
    fund = await funded_fund(client, tokens, code=f"F{suffix}")
    product = await make_product(client, tokens, fund["id"], code=f"P{suffix}")
    pid = product["id"]
    zoo: dict[str, tuple[str, uuid.UUID]] = {}

    async def keep(state: str, app: dict) -> None:
        zoo[state] = (app["id"], uuid.UUID(app["cooperative_id"]))

    coop = uuid.uuid4()
    await keep("draft", await draft(client, tokens, pid, coop))

    coop = uuid.uuid4()
    fake_registry.add(coop)
    fake_registry.mode = "unavailable"
    waiting = await draft(client, tokens, pid, coop)
    await submit(client, waiting["id"], tokens.cooperative(coop))
    fake_registry.mode = "up"
    await keep("eligibility_check", waiting)

    await keep("desk_review", await submitted(client, tokens, fake_registry, pid))
    app = await submitted(client, tokens, fake_registry, pid)
    await client.post(f"/v1/applications/{app['id']}/field-survey", json={}, headers=tokens.officer)
    await keep("field_survey", app)
    app = await submitted(client, tokens, fake_registry, pid)
    for step in ("field-survey", "risk-review"):
        await client.post(f"/v1/applications/{app['id']}/{step}", json={}, headers=tokens.officer)
    await keep("risk_review", app)
    await keep("committee", await in_committee(client, tokens, fake_registry, pid))
    await keep("approved", await approved(client, tokens, fake_registry, pid))
    app = await approved(client, tokens, fake_registry, pid)
    await client.post(f"/v1/applications/{app['id']}/sign", json={}, headers=tokens.officer)
    await keep("signed", app)
    app = await submitted(client, tokens, fake_registry, pid)
    await client.post(
        f"/v1/applications/{app['id']}/reject", json={"reason": "x"}, headers=tokens.officer
    )
    await keep("rejected", app)
    coop = uuid.uuid4()
    app = await draft(client, tokens, pid, coop)
    await client.post(
        f"/v1/applications/{app['id']}/withdraw", json={}, headers=tokens.cooperative(coop)
    )
    await keep("withdrawn", app)
    for state, (app_id, _) in zoo.items():
        got = await client.get(f"/v1/applications/{app_id}", headers=tokens.officer)
        assert got.json()["status"] == state
    return zoo


async def test_every_illegal_transition_is_a_409_naming_current_and_allowed_states(
    client, tokens, fake_registry
):
    zoo = await _zoo(client, tokens, fake_registry)
    refused = 0
    for state, (app_id, coop) in zoo.items():
        status = ApplicationStatus(state)
        history_before = (
            await client.get(f"/v1/applications/{app_id}/history", headers=tokens.officer)
        ).json()["items"]
        for endpoint, (action, who) in ENDPOINTS.items():
            if (status, action) in TRANSITIONS:
                continue
            headers = {
                "applicant": tokens.cooperative(coop),
                "officer": tokens.officer,
                "committee": tokens("fund_committee", sub="committee-2"),
                "decider": tokens.committee if state == "committee" else tokens.officer,
            }[who]
            kwargs = {} if endpoint == "submit" else {"json": BODIES[endpoint]}
            resp = await client.post(
                f"/v1/applications/{app_id}/{endpoint}", headers=headers, **kwargs
            )
            assert resp.status_code == 409, (state, endpoint, resp.text)
            problem = resp.json()
            assert problem["type"] == "https://kopmod.dev/problems/invalid-transition"
            assert problem["current_state"] == state
            assert problem["attempted"] == action.value
            assert problem["allowed"] == next_states(status)
            assert f"while {state}" in problem["detail"]
            refused += 1
        history_after = (
            await client.get(f"/v1/applications/{app_id}/history", headers=tokens.officer)
        ).json()["items"]
        assert history_after == history_before  # nothing written
        got = (await client.get(f"/v1/applications/{app_id}", headers=tokens.officer)).json()
        assert got["status"] == state
    assert refused >= 60


async def test_reject_and_withdraw_from_every_state_that_allows_them(client, tokens, fake_registry):
    zoo = await _zoo(client, tokens, fake_registry)
    for state in ("desk_review", "field_survey", "risk_review", "committee"):
        app_id, _ = zoo[state]
        who = tokens.committee if state == "committee" else tokens.officer
        resp = await client.post(
            f"/v1/applications/{app_id}/reject", json={"reason": f"weak at {state}"}, headers=who
        )
        assert resp.status_code == 200, (state, resp.text)
        assert resp.json()["status"] == "rejected"
        assert resp.json()["decision_reason"] == f"weak at {state}"
    zoo = await _zoo(client, tokens, fake_registry)
    for state in (
        "draft",
        "eligibility_check",
        "desk_review",
        "field_survey",
        "risk_review",
        "committee",
        "approved",
    ):
        app_id, coop = zoo[state]
        resp = await client.post(
            f"/v1/applications/{app_id}/withdraw",
            json={"note": "no longer needed"},
            headers=tokens.cooperative(coop),
        )
        assert resp.status_code == 200, (state, resp.text)
        assert resp.json()["status"] == "withdrawn"
        assert resp.json()["allowed_actions"] == []


async def test_committee_rejection_needs_the_committee_and_review_rejection_an_officer(
    client, tokens, fake_registry
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    app = await in_committee(client, tokens, fake_registry, product["id"])
    resp = await client.post(
        f"/v1/applications/{app['id']}/reject", json={"reason": "x"}, headers=tokens.officer
    )
    assert resp.status_code == 403
    assert "needs fund_committee" in resp.json()["detail"]
    app = await submitted(client, tokens, fake_registry, product["id"])
    resp = await client.post(
        f"/v1/applications/{app['id']}/reject", json={"reason": "x"}, headers=tokens.committee
    )
    assert resp.status_code == 403
    assert "needs fund_officer" in resp.json()["detail"]


async def test_referral_needs_a_credit_assessment(client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    app = await submitted(client, tokens, fake_registry, product["id"])
    url = f"/v1/applications/{app['id']}"
    for step in ("field-survey", "risk-review"):
        await client.post(f"{url}/{step}", json={}, headers=tokens.officer)
    resp = await client.post(f"{url}/committee-referral", json={}, headers=tokens.officer)
    assert resp.status_code == 422
    assert resp.json()["detail"] == "record a credit assessment before referring to committee"
    assert (await client.get(url, headers=tokens.officer)).json()["status"] == "risk_review"
