"""A stand-in for the marketplace at the HTTP boundary: serves contract summaries from a dict.

``add`` puts an active contract of a cooperative in place (changes override fields); ``mode``
switches it to answer 503 (``"unavailable"``) or to drop the connection (``"unreachable"``).
"""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse


class FakeMarketplace:
    def __init__(self) -> None:
        self.contracts: dict[UUID, dict[str, Any]] = {}
        self.mode = "up"
        self.calls = 0
        self.app = FastAPI()

        @self.app.get("/v1/contracts/{contract_id}/summary")
        async def summary(contract_id: UUID) -> JSONResponse:
            self.calls += 1
            if self.mode == "unavailable":
                return JSONResponse(
                    {"type": "about:blank", "title": "down", "status": 503},
                    status_code=503,
                    media_type="application/problem+json",
                )
            if contract_id not in self.contracts:
                return JSONResponse(
                    {
                        "type": "https://kopmod.dev/problems/not-found",
                        "title": "Not found",
                        "status": 404,
                        "detail": f"no contract {contract_id}",
                    },
                    status_code=404,
                    media_type="application/problem+json",
                )
            return JSONResponse(self.contracts[contract_id])

    def reset(self) -> None:
        self.contracts.clear()
        self.mode = "up"
        self.calls = 0

    def transport(self) -> httpx.AsyncBaseTransport:
        inner = httpx.ASGITransport(app=self.app)
        fake = self

        class _Transport(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                if fake.mode == "unreachable":
                    fake.calls += 1
                    raise httpx.ConnectError("connection refused", request=request)
                return await inner.handle_async_request(request)

        return _Transport()

    def add(
        self,
        cooperative_id: UUID | str,
        *,
        milestones: list[tuple[date, str]] | None = None,
        unit_price: str = "50.00",
        payment_days: int = 14,
        **changes: Any,
    ) -> dict[str, Any]:
        """An active contract: by default 3 deliveries of 1000 kg, 30, 60 and 90 days ahead."""
        today = date.today()
        milestones = milestones or [
            (today + timedelta(days=30 * (i + 1)), "1000.000") for i in range(3)
        ]
        quantity = sum((Decimal(q) for _, q in milestones), Decimal(0))
        price = Decimal(unit_price)
        value = (quantity * price).quantize(Decimal("0.01"))
        contract_id = uuid.uuid4()
        body: dict[str, Any] = {
            "id": str(contract_id),
            "status": "active",
            "offtaker_id": str(uuid.uuid4()),
            "offtaker_name": "PT Kopi Nusantara",
            "cooperative_id": str(cooperative_id),
            "cooperative_name": "Koperasi Produsen Kopi Gayo",
            "commodity_code": "coffee_green",
            "base_unit": "KGM",
            "quantity": format(quantity, "f"),
            "unit_price": format(price, "f"),
            "value": format(value, "f"),
            "delivered_quantity": "0.000",
            "accepted_quantity": "0.000",
            "delivered_value": "0.00",
            "remaining_value": format(value, "f"),
            "fulfilment_rate": "0.0000",
            "payment_days": payment_days,
            "signed_at": "2026-11-01T09:00:00Z",
            "schedule": [
                {
                    "seq": i + 1,
                    "due_date": due.isoformat(),
                    "quantity": q,
                    "delivered_quantity": "0.000",
                    "accepted_quantity": "0.000",
                    "status": "scheduled",
                }
                for i, (due, q) in enumerate(milestones)
            ],
        } | changes
        self.contracts[contract_id] = body
        return body
