"""Setup of the financing write bench (not timed): a fund, drafts and signed loans.

The fund is created through the API with capital and a business date; drafts are posted
through the API (each of its own cooperative); signed loans (``pending_disbursement``, their
approval committed against the fund: what signing the akad leaves behind) are written directly
with the financing models, as the servicing tests do, since taking thousands of applications
through committee and signing would dwarf the bench.
"""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx

from kopmod_shared.testing import TestIssuer

AUDIENCE = "kopmod-financing"
LOAN_AMOUNT = "12000000.00"
BUSINESS_DATE = date(2026, 1, 5)


def headers(issuer: TestIssuer, role: str, **kw: Any) -> dict[str, str]:
    return issuer.headers(role, audience=AUDIENCE, ttl=timedelta(hours=2), **kw)


async def fund_and_product(base: str, issuer: TestIssuer) -> tuple[str, str]:
    """A fund with 10^12 in cash on its business date, and a product open for applications."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:

        async def post(path: str, body: dict[str, Any], role: str) -> dict[str, Any]:
            resp = await c.post(path, json=body, headers=headers(issuer, role))
            resp.raise_for_status()
            return dict(resp.json())

        fund = (await post("/v1/funds", {"code": "BENCH", "name": "bench"}, "admin"))["id"]
        await post(
            f"/v1/funds/{fund}/capital-injections",
            {"amount": "1000000000000.00", "entry_date": "2026-01-02", "memo": "APBN"},
            "fund_committee",
        )
        await post(
            f"/v1/funds/{fund}/business-date",
            {"business_date": BUSINESS_DATE.isoformat()},
            "fund_officer",
        )
        product = await post(
            "/v1/products",
            {
                "fund_id": fund,
                "code": "BENCH",
                "name": "bench",
                "purpose": "working_capital",
                "amount_min": "1000000.00",
                "amount_max": "3000000000.00",
                "tenor_max_periods": 60,
                "initial_rate": "0.03",
                "rate_effective_from": "2020-01-01",
            },
            "fund_committee",
        )
        return fund, product["id"]


async def drafts(base: str, issuer: TestIssuer, product_id: str, n: int) -> list[tuple[str, str]]:
    """``n`` draft applications, each of its own cooperative: (id, that cooperative's token)."""
    out: list[tuple[str, str]] = []
    queue = list(range(n))
    async with httpx.AsyncClient(base_url=base, timeout=60) as c:

        async def worker() -> None:
            while queue:
                queue.pop()
                token = headers(issuer, "cooperative", org=uuid.uuid4())
                resp = await c.post(
                    "/v1/applications",
                    json={
                        "product_id": product_id,
                        "amount": "250000000.00",
                        "tenor_periods": 36,
                        "purpose": "bench",
                        "use_of_funds": [{"item": "stock", "amount": "250000000.00"}],
                    },
                    headers=token,
                )
                resp.raise_for_status()
                out.append((resp.json()["id"], token["Authorization"].split(" ", 1)[1]))

        await asyncio.gather(*(worker() for _ in range(16)))
    return out


async def signed_loans(url: str, fund_id: str, n: int) -> list[str]:
    """``n`` loans pending disbursement (one tranche of ``LOAN_AMOUNT`` each), committed."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

    from financing.applications.models import Application
    from financing.ledger.models import Commitment
    from financing.loans.models import Loan
    from financing.products.models import Product

    engine = create_async_engine(make_url(url).set(drivername="postgresql+asyncpg"))
    fund = uuid.UUID(fund_id)
    amount = Decimal(LOAN_AMOUNT)
    order = ["penalties", "fees", "interest", "principal"]
    ids: list[str] = []
    try:
        async with async_sessionmaker(engine)() as session:
            product = Product(
                fund_id=fund, code="BENCH-LOANS", name="Modal kerja", purpose="working_capital",
                pattern="conventional", amount_min=Decimal("1000.00"),
                amount_max=Decimal("3000000000.00"), tenor_max_periods=120, grace_max_periods=12,
                frequency="monthly", method="flat", rounding=Decimal("0.01"),
                allocation_order=order, arrears_tolerance_days=0, max_tranches=1,
                penalty_rate=Decimal("0.365"), created_by="bench",
            )  # fmt: skip
            session.add(product)
            await session.flush()
            for start in range(0, n, 500):
                batch = []
                for _ in range(min(500, n - start)):
                    coop = uuid.uuid4()
                    application = Application(
                        id=uuid.uuid4(), cooperative_id=coop, product_id=product.id,
                        fund_id=fund, status="signed", requested_amount=amount, tenor_periods=12,
                        grace_periods=0, purpose="pupuk dan benih", province_code="33",
                        created_by="bench", approved_amount=amount, annual_rate=Decimal("0.12"),
                    )  # fmt: skip
                    loan = Loan(
                        id=uuid.uuid4(), application_id=application.id, fund_id=fund,
                        product_id=product.id, cooperative_id=coop, province_code="33",
                        approved_amount=amount, annual_rate=Decimal("0.12"), tenor_periods=12,
                        frequency="monthly", method="flat", grace_periods=0,
                        rounding=Decimal("0.01"), allocation_order=order,
                        arrears_tolerance_days=0, max_tranches=1,
                        penalty_rate=Decimal("0.365"), pattern="conventional", tranche_plan=[],
                        status="pending_disbursement",
                        signed_at=datetime(2026, 1, 3, 9, 0, tzinfo=UTC), signed_by="bench",
                    )  # fmt: skip
                    batch.append((application, loan))
                session.add_all([a for a, _ in batch])
                await session.flush()
                session.add_all([loan for _, loan in batch])
                await session.flush()
                for application, loan in batch:
                    application.loan_id = loan.id
                    session.add(
                        Commitment(
                            fund_id=fund, application_id=application.id, loan_id=loan.id,
                            amount=amount, drawn=Decimal(0),
                        )
                    )  # fmt: skip
                    ids.append(str(loan.id))
                await session.flush()
            await session.commit()
    finally:
        await engine.dispose()
    return ids
