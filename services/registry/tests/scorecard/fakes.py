"""Financing and marketplace faked at the HTTP boundary: tiny FastAPI apps serving the shared
summary schemas, switchable to 503, unreachable or slow, recording what they were asked."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

import httpx
import jwt
from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from kopmod_shared.schemas.financing import FinancingSummary, FinancingSummaryPage
from kopmod_shared.schemas.marketplace import MarketSummary, MarketSummaryPage

AS_OF = date(2026, 11, 28)


def financing_summary(cooperative_id: UUID, **over: Any) -> FinancingSummary:
    body: dict[str, Any] = {
        "cooperative_id": cooperative_id,
        "as_of": AS_OF,
        "applications_total": 0,
        "applications_by_status": {},
        "applications_in_review": 0,
        "applications_approved": 0,
        "loans_total": 0,
        "active_loans": 0,
        "outstanding_principal": Decimal("0.00"),
        "disbursed_total": Decimal("0.00"),
        "installments_due": 0,
        "installments_paid_on_time": 0,
        "on_time_share": None,
        "current_collectibility": None,
        "worst_collectibility": None,
        "written_off_loans": 0,
        "any_written_off": False,
    }
    return FinancingSummary.model_validate(body | over)


def market_summary(cooperative_id: UUID, **over: Any) -> MarketSummary:
    body: dict[str, Any] = {
        "cooperative_id": cooperative_id,
        "as_of": AS_OF,
        "contracts_total": 0,
        "contracts_by_status": {},
        "signed_contracts": 0,
        "domestic_contracts": 0,
        "export_contracts": 0,
        "active_contracts": 0,
        "distinct_offtakers": 0,
        "active_offtakers": 0,
        "contracted_value": Decimal("0.00"),
        "active_contracted_value": Decimal("0.00"),
        "delivered_value": Decimal("0.00"),
        "fulfilment_rate": None,
        "commodities": [],
    }
    return MarketSummary.model_validate(body | over)


class FakeService:
    """One fake upstream. ``mode``: ``ok``, ``down`` (503), ``unreachable`` (connection
    refused) or ``slow`` (answers after ``delay`` seconds)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.mode = "ok"
        self.delay = 10.0  # far beyond the tests' deadline (conftest.DEADLINE)
        self.summaries: dict[UUID, Any] = {}
        self.calls: list[str] = []
        self.claims: list[dict[str, Any]] = []
        self.tokens: list[str] = []
        self.app = FastAPI()

    def reset(self) -> None:
        self.mode = "ok"
        self.summaries.clear()
        self.calls.clear()
        self.claims.clear()
        self.tokens.clear()

    def default(self, cooperative_id: UUID) -> Any:
        if self.name == "financing":
            return financing_summary(cooperative_id)
        return market_summary(cooperative_id)

    async def gate(self, request: Request) -> JSONResponse | None:
        self.calls.append(request.url.path)
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        self.tokens.append(token)
        self.claims.append(jwt.decode(token, options={"verify_signature": False}))
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        if self.mode == "down":
            return JSONResponse(
                {"type": "about:blank", "title": "Unavailable", "status": 503},
                status_code=503,
                media_type="application/problem+json",
            )
        return None

    def transport(self) -> httpx.AsyncBaseTransport:
        inner = httpx.ASGITransport(app=self.app)
        fake = self

        class Switchable(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                if fake.mode == "unreachable":
                    raise httpx.ConnectError("connection refused", request=request)
                return await inner.handle_async_request(request)

        return Switchable()


def fake_financing() -> FakeService:
    fake = FakeService("financing")

    @fake.app.get("/v1/cooperatives/{cooperative_id}/financing-summary")
    async def one(cooperative_id: UUID, request: Request) -> Any:
        return await fake.gate(request) or fake.summaries.get(
            cooperative_id, fake.default(cooperative_id)
        )

    @fake.app.get("/v1/financing-summaries")
    async def many(request: Request, cooperative_id: Annotated[list[UUID], Query()]) -> Any:
        assert len(cooperative_id) <= 100
        return await fake.gate(request) or FinancingSummaryPage(
            items=[fake.summaries.get(c, fake.default(c)) for c in cooperative_id]
        )

    return fake


def fake_marketplace() -> FakeService:
    fake = FakeService("marketplace")

    @fake.app.get("/v1/cooperatives/{cooperative_id}/market-summary")
    async def one(cooperative_id: UUID, request: Request) -> Any:
        return await fake.gate(request) or fake.summaries.get(
            cooperative_id, fake.default(cooperative_id)
        )

    @fake.app.get("/v1/market-summaries")
    async def many(request: Request, cooperative_id: Annotated[list[UUID], Query()]) -> Any:
        assert len(cooperative_id) <= 100
        return await fake.gate(request) or MarketSummaryPage(
            items=[fake.summaries.get(c, fake.default(c)) for c in cooperative_id]
        )

    return fake
