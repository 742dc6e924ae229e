"""The shared wire contracts read what financing actually answers and publishes."""

from __future__ import annotations

import itertools
import uuid

import httpx
from sqlalchemy import text

from kopmod_shared.clients import FinancingClient
from kopmod_shared.errors import NotFound
from kopmod_shared.events import EventEnvelope
from kopmod_shared.schemas.financing import (
    AgreementSigned,
    ApplicationApproved,
    ApplicationStatus,
    ApplicationStatusChanged,
    ApplicationSubmitted,
    EligibilityDecided,
)

from .helpers import approved, funded_fund, make_product


async def test_the_typed_client_reads_applications_and_products(
    app, client, tokens, fake_registry, fake_marketplace
):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    coop = uuid.uuid4()
    application = await approved(
        client,
        tokens,
        fake_registry,
        product["id"],
        cooperative_id=coop,
        offtake_contract_ids=[fake_marketplace.add(coop)["id"]],
    )
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), headers=tokens("service", sub="marketplace")
    ) as http:
        fc = FinancingClient("http://financing.test", http)
        summary = await fc.get_application(uuid.UUID(application["id"]))
        assert summary.status is ApplicationStatus.approved
        assert str(summary.approved_amount) == "500000000.00"
        assert summary.offtake_contract_ids == [uuid.UUID(application["offtake_contract_ids"][0])]
        products = await fc.list_products()
        assert [p.code for p in products] == ["MK-KSP"]
        assert str(products[0].current_rate) == "0.03000000"
        try:
            await fc.get_application(uuid.uuid4())
        except NotFound as exc:
            assert "no application" in str(exc)
        else:
            raise AssertionError("expected NotFound")
    # Partners with the read scope use the same client.
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        headers=tokens("partner", scopes=["applications:read"]),
    ) as http:
        assert len(await FinancingClient("http://f", http).applications_of(coop)) == 1


async def test_event_payloads_match_the_shared_models(app, client, tokens, fake_registry):
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await approved(client, tokens, fake_registry, product["id"])
    resp = await client.post(
        f"/v1/applications/{application['id']}/sign", json={}, headers=tokens.officer
    )
    assert resp.status_code == 201
    async with app.state.engine.connect() as conn:
        rows = (
            await conn.execute(text("SELECT type, payload FROM outbox_events ORDER BY seq"))
        ).all()
    models = {
        "financing.application.submitted": ApplicationSubmitted,
        "financing.application.eligibility_passed": EligibilityDecided,
        "financing.application.approved": ApplicationApproved,
        "financing.agreement.signed": AgreementSigned,
        "financing.application.status_changed": ApplicationStatusChanged,
    }
    seen = []
    moves = []
    for type_, payload in rows:
        envelope = EventEnvelope.model_validate(payload)
        assert envelope.source == "financing" and envelope.subject == application["id"]
        data = models[type_].model_validate(envelope.data)
        if isinstance(data, ApplicationStatusChanged):
            moves.append((data.from_status.value, data.status.value))
            continue
        seen.append((type_, data.status.value))
    assert seen == [
        ("financing.application.submitted", "submitted"),
        ("financing.application.eligibility_passed", "desk_review"),
        ("financing.application.approved", "approved"),
        ("financing.agreement.signed", "signed"),
    ]
    # The moves chain from the draft to the signed agreement, each published once.
    assert moves[0] == ("draft", "submitted") and moves[-1] == ("approved", "signed")
    assert all(a[1] == b[0] for a, b in itertools.pairwise(moves))
