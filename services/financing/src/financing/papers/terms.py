"""The akad's terms from an approved application, in canonical form, and their SHA-256.

Canonical: the terms' JSON with keys sorted, no spaces, UTF-8, numbers as the published decimal
strings. The schedule is computed from the approval date, so the terms (and the hash) of an
approval do not move from one day to the next.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from financing.applications.models import Application
from financing.applications.repository import ApplicationRepository
from financing.committee.repository import CommitteeRepository
from financing.ledger.models import Fund
from financing.papers.schemas import AgreementTerms
from financing.products import service as products
from financing.products.models import Product
from kopmod_shared.money import MONEY


def canonical_json(terms: dict[str, Any]) -> bytes:
    return json.dumps(terms, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def terms_hash(terms: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(terms)).hexdigest()


def canonical(terms: AgreementTerms) -> dict[str, Any]:
    return terms.model_dump(mode="json")


async def current_terms(session: AsyncSession, application: Application) -> AgreementTerms:
    """The terms an approved application offers now (its approval, product, conditions)."""
    assert application.approved_amount is not None and application.approved_on is not None
    assert application.tariff_rate is not None and application.annual_rate is not None
    product = await session.get(Product, application.product_id)
    fund = await session.get(Fund, application.fund_id)
    assert product is not None and fund is not None
    eligibility = await ApplicationRepository(session).latest_eligibility(application.id)
    snapshot = (eligibility.snapshot or {}) if eligibility else {}
    tenor = application.approved_tenor_periods or application.tenor_periods
    grace = (
        application.approved_grace_periods
        if application.approved_grace_periods is not None
        else application.grace_periods
    )
    schedule = products.schedule_for(
        product,
        amount=application.approved_amount,
        tenor_periods=tenor,
        grace_periods=grace,
        tariff_rate=application.tariff_rate,
        start_date=application.approved_on,
    )
    return AgreementTerms(
        application_id=application.id,
        fund={"id": fund.id, "name": fund.name, "code": fund.code},
        cooperative={
            "id": application.cooperative_id,
            "name": str(snapshot.get("name") or "-"),
            "code": snapshot.get("nik_koperasi"),
        },
        product={
            "id": product.id,
            "code": product.code,
            "name": product.name,
            "pattern": product.pattern,
            "akad": product.akad,
            "profit_share_ratio": product.profit_share_ratio,
        },
        amount=application.approved_amount,
        tariff_rate=application.tariff_rate,
        annual_rate=application.annual_rate,
        tenor_periods=tenor,
        grace_periods=grace,
        frequency=product.frequency,
        method=product.method,
        approved_on=application.approved_on,
        purpose=application.purpose,
        conditions=await CommitteeRepository(session).approval_conditions(application.id),
        tranche_plan=[
            {
                "planned_date": t.get("planned_date"),
                "amount": MONEY.format(Decimal(str(t["amount"]))),
            }
            for t in application.tranche_plan
        ],
        schedule=[
            {
                "number": i.number,
                "due_date": i.due_date,
                "principal": i.principal,
                "interest": i.interest,
                "total": i.total,
                "balance_after": i.balance_after,
            }
            for i in schedule
        ],
        total_principal=sum((i.principal for i in schedule), Decimal(0)),
        total_interest=sum((i.interest for i in schedule), Decimal(0)),
    )
