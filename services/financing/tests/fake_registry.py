"""A stand-in for the registry at the HTTP boundary: serves eligibility snapshots from a dict,
and the cooperatives of a programme cohort (``cohorts``).

Tests put snapshots in ``snapshots``; ``mode`` switches it to answer 503 (``"unavailable"``) or
to drop the connection (``"unreachable"``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from uuid import UUID

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse


class FakeRegistry:
    def __init__(self) -> None:
        self.snapshots: dict[UUID, dict[str, Any]] = {}
        # Programme cohort of a cooperative (the list ``?cohort=`` answers from it).
        self.cohorts: dict[UUID, int] = {}
        self.mode = "up"
        self.calls = 0
        # Awaited on every call (tests use it to look at the database meanwhile).
        self.on_call: Callable[[], Awaitable[None]] | None = None
        self.app = FastAPI()

        @self.app.get("/v1/cooperatives/{cooperative_id}/eligibility-snapshot")
        async def snapshot(cooperative_id: UUID) -> JSONResponse:
            self.calls += 1
            if self.on_call is not None:
                await self.on_call()
            if self.mode == "unavailable":
                return JSONResponse(
                    {"type": "about:blank", "title": "down", "status": 503},
                    status_code=503,
                    media_type="application/problem+json",
                )
            if cooperative_id not in self.snapshots:
                return JSONResponse(
                    {
                        "type": "https://kopmod.dev/problems/not-found",
                        "title": "Not found",
                        "status": 404,
                        "detail": f"no cooperative {cooperative_id}",
                    },
                    status_code=404,
                    media_type="application/problem+json",
                )
            return JSONResponse(self.snapshots[cooperative_id])

        @self.app.get("/v1/cooperatives")
        async def listing(cohort: int, limit: int = 100) -> JSONResponse:
            self.calls += 1
            if self.mode == "unavailable":
                return JSONResponse(
                    {"type": "about:blank", "title": "down", "status": 503},
                    status_code=503,
                    media_type="application/problem+json",
                )
            ids = [str(c) for c, year in self.cohorts.items() if year == cohort]
            return JSONResponse({"items": [{"id": i} for i in ids], "next_cursor": None})

    def reset(self) -> None:
        self.snapshots.clear()
        self.cohorts.clear()
        self.mode = "up"
        self.calls = 0
        self.on_call = None

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

    def add(self, cooperative_id: UUID, **changes: Any) -> dict[str, Any]:
        snap = healthy_snapshot(cooperative_id)
        for key, value in changes.items():
            if key in {"equity", "net_surplus", "liabilities", "assets", "revenue"}:
                snap["latest_financials"][key] = value
            else:
                snap[key] = value
        self.snapshots[cooperative_id] = snap
        return snap


def healthy_snapshot(cooperative_id: UUID) -> dict[str, Any]:
    """A cooperative that passes every rule of the test products."""
    return {
        "cooperative_id": str(cooperative_id),
        "name": "Koperasi Produsen Kopi Gayo",
        "type": "produsen",
        "status": "active",
        "region_code": "11.17",
        "province_code": "11",
        "has_legal_entity": True,
        "nik_koperasi": "1234567890123",
        "founded_on": "2015-03-01",
        "age_years": 11,
        "active": True,
        "rat_years": [2025, 2024, 2023, 2022],
        "missed_rat_years": [],
        "latest_health": "sehat",
        "latest_health_year": 2025,
        "latest_financials": {
            "year": 2025,
            "assets": "9000000000.00",
            "liabilities": "3000000000.00",
            "equity": "6000000000.00",
            "revenue": "12000000000.00",
            "net_surplus": "1200000000.00",
        },
        "as_of": date(2026, 11, 28).isoformat(),
    }
