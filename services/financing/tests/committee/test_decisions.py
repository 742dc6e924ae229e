"""Committee decisions: approval with conditions (printed on the akad and covered by its hash),
sending back to the officer with a reason (its own transition, not a rejection), declining,
and four eyes by person on every decision."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import text

from kopmod_shared.events import EventType

from ..applications.test_four_eyes_by_person import person_token
from ..helpers import funded_fund, in_committee, make_product
from ..papers.pdftext import canonical_hash, pdf_text

CONDITIONS = [
    "Jaminan fidusia atas mesin pengolah kopi sebelum pencairan tahap 2",
    "Laporan penggunaan dana setiap triwulan",
]


async def _status_changes(app: Any, application_id: str) -> list[dict[str, Any]]:
    async with app.state.sessionmaker() as session:
        rows = await session.execute(
            text("SELECT payload FROM outbox_events WHERE subject = :s AND type = :t ORDER BY seq"),
            {"s": application_id, "t": EventType.APPLICATION_STATUS_CHANGED},
        )
        return [r[0]["data"] for r in rows]


async def _in_committee(client, tokens, fake_registry, officer=None):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    return await in_committee(client, tokens, fake_registry, product["id"], officer=officer)


async def test_approval_with_conditions_reaches_the_akad(app, client, tokens, fake_registry):
    application = await _in_committee(client, tokens, fake_registry)
    base = f"/v1/applications/{application['id']}"
    resp = await client.post(
        f"{base}/committee-decisions",
        json={
            "outcome": "approve",
            "reason": "kapasitas bayar baik",
            "conditions": CONDITIONS,
            "amount": "400000000.00",
        },
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    assert resp.json()["outcome"] == "approved"
    assert resp.json()["conditions"] == CONDITIONS
    app_now = (await client.get(base, headers=tokens.officer)).json()
    assert app_now["status"] == "approved" and app_now["approved_amount"] == "400000000.00"

    agreement = (await client.get(f"{base}/agreement", headers=tokens.officer)).json()
    assert agreement["terms"]["conditions"] == CONDITIONS
    assert agreement["terms"]["amount"] == "400000000.00"
    assert agreement["terms_hash"] == canonical_hash(agreement["terms"])
    text = pdf_text((await client.get(f"{base}/agreement.pdf", headers=tokens.officer)).content)
    assert "1. Jaminan fidusia" in text and "2. Laporan penggunaan dana" in text
    assert "Rp400.000.000,00" in text

    listed = await client.get(f"{base}/committee-decisions", headers=tokens.officer)
    assert [d["outcome"] for d in listed.json()["items"]] == ["approved"]


async def test_send_back_returns_to_the_officer_with_the_reason(app, client, tokens, fake_registry):
    application = await _in_committee(client, tokens, fake_registry)
    base = f"/v1/applications/{application['id']}"
    resp = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "send_back", "reason": "Lengkapi hasil survei gudang"},
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    after = (await client.get(base, headers=tokens.officer)).json()
    assert after["status"] == "risk_review"
    assert after["decision_reason"] is None  # not a rejection
    history = (await client.get(f"{base}/history", headers=tokens.officer)).json()["items"]
    assert (history[-1]["action"], history[-1]["to_status"], history[-1]["note"]) == (
        "send_back",
        "risk_review",
        "Lengkapi hasil survei gudang",
    )
    # The move names the officer holding it (who is told); the moves before it name nobody.
    moves = await _status_changes(app, application["id"])
    assert [(m["action"], m["reviewer"]) for m in moves[-2:]] == [
        ("refer_to_committee", None),
        ("send_back", "officer-1"),
    ]
    # Conditions belong to an approval only.
    bad = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "send_back", "reason": "x", "conditions": ["y"]},
        headers=tokens.committee,
    )
    assert bad.status_code == 422
    # Sending back twice: it is no longer in committee.
    twice = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "send_back", "reason": "again"},
        headers=tokens.committee,
    )
    assert twice.status_code == 409
    # The officer answers and refers it again; the committee can then approve.
    refer = await client.post(f"{base}/committee-referral", json={}, headers=tokens.officer)
    assert refer.status_code == 200, refer.text
    ok = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "approve", "reason": "survei lengkap"},
        headers=tokens.committee,
    )
    assert ok.status_code == 201, ok.text
    outcomes = (await client.get(f"{base}/committee-decisions", headers=tokens.officer)).json()
    assert [d["outcome"] for d in outcomes["items"]] == ["sent_back", "approved"]
    first = await client.get(
        f"{base}/committee-decisions", params={"limit": 1}, headers=tokens.officer
    )
    rest = await client.get(
        f"{base}/committee-decisions",
        params={"limit": 1, "cursor": first.json()["next_cursor"]},
        headers=tokens.officer,
    )
    assert [d["outcome"] for d in first.json()["items"] + rest.json()["items"]] == [
        "sent_back",
        "approved",
    ]


async def test_decline_is_a_rejection(app, client, tokens, fake_registry):
    application = await _in_committee(client, tokens, fake_registry)
    base = f"/v1/applications/{application['id']}"
    resp = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "decline", "reason": "pasar tidak pasti"},
        headers=tokens.committee,
    )
    assert resp.status_code == 201, resp.text
    after = (await client.get(base, headers=tokens.officer)).json()
    assert (after["status"], after["decision_reason"]) == ("rejected", "pasar tidak pasti")


async def test_the_reviewer_takes_no_committee_decision_by_person(
    app, client, tokens, fake_registry
):
    siti, budi = str(uuid.uuid4()), str(uuid.uuid4())
    reviewer = person_token(tokens, "fund_officer", siti, "kopmod-console")
    application = await _in_committee(client, tokens, fake_registry, officer=reviewer)
    base = f"/v1/applications/{application['id']}"
    as_committee = person_token(tokens, "fund_committee", siti, "kopmod-mobile")
    for outcome in ("approve", "decline", "send_back"):
        resp = await client.post(
            f"{base}/committee-decisions",
            json={"outcome": outcome, "reason": "saya kenal koperasinya"},
            headers=as_committee,
        )
        assert resp.status_code == 403, resp.text
        assert resp.json()["type"].endswith("/four-eyes")
        assert resp.json()["reviewers"] == [siti]
    # An officer token cannot decide at all; another person of the committee can.
    assert (
        await client.post(
            f"{base}/committee-decisions",
            json={"outcome": "approve", "reason": "x"},
            headers=tokens.officer,
        )
    ).status_code == 403
    ok = await client.post(
        f"{base}/committee-decisions",
        json={"outcome": "approve", "reason": "sehat"},
        headers=person_token(tokens, "fund_committee", budi, "kopmod-console"),
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["decided_by"] == budi
