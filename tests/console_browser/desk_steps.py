"""Steps the staff-side browser tests share, done through the platform's public APIs as a partner
system would: an API client's token of a role (``client_token``), a fund with capital, a product
and a cooperative's application waiting on the desk (``fund_with_application``), and a scanned
deed (``deed_pdf``)."""

from __future__ import annotations

import hashlib
import io
import time
import uuid
from typing import Any

import httpx
from reportlab.pdfgen import canvas

from .platform import Platform


def client_token(platform: Platform, role: str, org_id: str | None = None) -> str:
    """An API client of ``role`` created by the admin; its token for financing."""
    body: dict[str, Any] = {"name": f"uji {role} {uuid.uuid4().hex[:6]}", "role": role}
    if org_id:
        body["org_id"] = org_id
    made = platform.call("POST", "registry", "/v1/clients", json=body)
    assert made.status_code == 201, made.text
    resp = httpx.post(
        f"{platform.urls['registry']}/v1/oauth/token",
        data={"grant_type": "client_credentials", "audience": "kopmod-financing"},
        auth=(made.json()["client_id"], made.json()["client_secret"]),
        timeout=10,
    )
    assert resp.status_code == 200, resp.text
    return str(resp.json()["access_token"])


def fund_with_application(platform: Platform) -> tuple[dict[str, Any], dict[str, Any], str]:
    """A fund with capital and a product, and a cooperative's application in desk review."""
    committee = client_token(platform, "fund_committee")
    code = f"DB{uuid.uuid4().hex[:6]}"
    fund = platform.call(
        "POST", "financing", "/v1/funds", json={"code": code, "name": f"Dana Bergulir {code}"}
    ).json()
    resp = platform.call(
        "POST",
        "financing",
        f"/v1/funds/{fund['id']}/capital-injections",
        token=committee,
        json={"amount": "5000000000.00", "entry_date": "2026-01-02", "memo": "APBN"},
    )
    assert resp.status_code == 201, resp.text
    product = platform.call(
        "POST",
        "financing",
        "/v1/products",
        token=committee,
        json={
            "fund_id": fund["id"],
            "code": f"MK{uuid.uuid4().hex[:6]}",
            "name": "Modal kerja koperasi",
            "purpose": "working_capital",
            "amount_min": "10000000.00",
            "amount_max": "3000000000.00",
            "tenor_max_periods": 60,
            "grace_max_periods": 12,
            "frequency": "monthly",
            "method": "declining_equal_installment",
            "rounding": "1",
            "max_tranches": 3,
            "arrears_tolerance_days": 0,
            "eligibility": {"min_age_years": 2, "rat_years_required": 2},
            "initial_rate": "0.03",
            "rate_effective_from": "2020-01-01",
        },
    )
    assert product.status_code == 201, product.text
    coop = platform.cooperative()
    coop_token = client_token(platform, "cooperative", coop["id"])
    made = platform.call(
        "POST",
        "financing",
        "/v1/applications",
        token=coop_token,
        json={
            "product_id": product.json()["id"],
            "amount": "150000000.00",
            "tenor_periods": 12,
            "grace_periods": 0,
            "purpose": "Modal kerja pembelian kopi gelondong anggota",
            "use_of_funds": [{"item": "pembelian kopi gelondong", "amount": "150000000.00"}],
        },
    )
    assert made.status_code == 201, made.text
    application = made.json()
    deed = deed_pdf()
    resp = httpx.post(
        f"{platform.urls['financing']}/v1/applications/{application['id']}/documents",
        headers={"Authorization": f"Bearer {coop_token}"},
        data={"kind": "deed", "checksum_sha256": hashlib.sha256(deed).hexdigest()},
        files={"file": ("akta-pendirian.pdf", deed, "application/pdf")},
        timeout=30,
    )
    assert resp.status_code == 201, resp.text
    resp = platform.call(
        "POST", "financing", f"/v1/applications/{application['id']}/submit", token=coop_token
    )
    assert resp.status_code == 200, resp.text
    for _ in range(150):
        got = platform.call(
            "GET", "financing", f"/v1/applications/{application['id']}", token=committee
        ).json()
        if got["status"] != "eligibility_check":
            break
        time.sleep(0.2)
    assert got["status"] == "desk_review", got
    return fund, got, committee


def deed_pdf() -> bytes:
    """A one-page PDF, as a cooperative would scan its deed."""
    out = io.BytesIO()
    paper = canvas.Canvas(out)
    paper.drawString(72, 760, "Akta Pendirian Koperasi Produsen Kopi")
    paper.save()
    return out.getvalue()
