"""The authorisation matrix of financing, generated from its route table
(``kopmod_shared.testing_authz``): every id-taking route, called with the ids of cooperative A's
application, documents and loan (and the fund they draw on), by principals bound to other
organisations, is refused and leaks nothing of A."""

from __future__ import annotations

import hashlib
import uuid

from kopmod_shared.testing_authz import id_routes, run_matrix

from .helpers import funded_fund, make_product, submitted
from .loans.conftest import make_fund, signed_loan

# Routes every authenticated caller may read or call, with the reason.
READABLE_BY_ALL = {
    "GET /v1/products/{product_id}": "the product catalogue (terms, tariffs) is published to "
    "every cooperative that may apply",
    "GET /v1/products/{product_id}/tariffs": "published with the product (dated rates)",
    "POST /v1/events/{source}": "service-to-service event intake; the path names the source "
    "service, not an object (role service only, refused to everyone else by role)",
}


async def test_other_organisations_are_refused_on_every_id_route(
    app, client, tokens, fake_registry
) -> None:
    owner = uuid.uuid4()
    fund = await funded_fund(client, tokens)
    product = await make_product(client, tokens, fund["id"])
    application = await submitted(
        client, tokens, fake_registry, product["id"], cooperative_id=owner
    )
    content = b"\xff\xd8\xff\xe0KTP rahasia-A"
    upload = await client.post(
        f"/v1/applications/{application['id']}/documents",
        data={"kind": "manager_id_card", "checksum_sha256": hashlib.sha256(content).hexdigest()},
        files={"file": ("ktp-rahasia-A.jpg", content, "image/jpeg")},
        headers=tokens.cooperative(owner),
    )
    assert upload.status_code == 201, upload.text

    loan_fund = await make_fund(client, tokens, "12000000.00")
    loan_id = await signed_loan(app, loan_fund, cooperative_id=owner)
    disbursed = await client.post(
        f"/v1/loans/{loan_id}/disbursements",
        json={"amount": "6000000.00", "reference": "SP2D-rahasia-A"},
        headers=tokens.officer,
    )
    assert disbursed.status_code == 201, disbursed.text
    entries = await client.get(f"/v1/funds/{loan_fund.id}/journal-entries", headers=tokens.officer)
    assert entries.status_code == 200, entries.text
    endpoint = await client.post(
        "/v1/webhooks",
        json={"url": "https://receiver.example/hook-a", "event_types": []},
        headers=tokens.cooperative(owner),
    )
    assert endpoint.status_code == 201, endpoint.text

    statement = await client.post(
        f"/v1/funds/{loan_fund.id}/bank-statements",
        files={
            "file": (
                "mutasi-rahasia-A.csv",
                f"tanggal,jumlah,referensi,keterangan\n2026-01-05,1000,TRF-rahasia-A,{loan_id}\n",
                "text/csv",
            )
        },
        headers=tokens.officer,
    )
    assert statement.status_code == 201, statement.text

    ids = {
        "cooperative_id": str(owner),
        "fund_id": str(loan_fund.id),
        "account": "cash",
        "entry_id": entries.json()["items"][0]["id"],
        "product_id": product["id"],
        "application_id": application["id"],
        "document_id": upload.json()["id"],
        "loan_id": str(loan_id),
        "transaction_id": disbursed.json()["transaction"]["id"],
        # No reschedule is requested here: an unknown id under A's loan.
        "reschedule_id": str(uuid.uuid4()),
        # Likewise no write-off is proposed: an unknown id under A's loan.
        "write_off_id": str(uuid.uuid4()),
        "endpoint_id": endpoint.json()["id"],
        "delivery_id": str(uuid.uuid4()),
        "import_id": statement.json()["id"],
        # No akad is signed here: an unknown hash (a paper that matches nothing).
        "terms_hash": "a" * 64,
    }
    other = uuid.uuid4()
    outsiders = {
        "cooperative of another organisation": tokens.cooperative(other),
        "offtaker of another organisation": tokens("offtaker", org=other),
        "partner without scopes": tokens("partner"),
    }
    result = await run_matrix(
        client,
        app,
        ids=ids,
        outsiders=outsiders,
        allowed=READABLE_BY_ALL,
        secrets=["rahasia-A", "hook-a"],
    )
    assert result.failures == [], "\n".join(result.failures)
    assert result.calls >= (len(id_routes(app)) - len(READABLE_BY_ALL)) * len(outsiders)
