"""A stand-in for the registry at the HTTP boundary: ``/v1/cooperatives/{id}`` from a dict."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from fastapi import FastAPI
from fastapi.responses import JSONResponse


class FakeRegistry:
    def __init__(self) -> None:
        self.cooperatives: dict[str, dict[str, Any]] = {}
        self.mode = "up"  # up | 503 | down
        self.calls = 0
        self.app = FastAPI()

        @self.app.get("/v1/cooperatives/{cooperative_id}")
        async def get_cooperative(cooperative_id: str) -> JSONResponse:
            self.calls += 1
            if self.mode == "503":
                return JSONResponse(
                    {
                        "type": "https://kopmod.dev/problems/service-unavailable",
                        "title": "Service unavailable",
                        "status": 503,
                    },
                    status_code=503,
                    media_type="application/problem+json",
                )
            coop = self.cooperatives.get(cooperative_id)
            if coop is None:
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
            return JSONResponse(coop)

    def add(
        self,
        *,
        name: str = "Koperasi Produsen Kopi Gayo",
        status: str = "active",
        region_code: str = "11.17",
        latitude: float | None = 4.62,
        longitude: float | None = 96.85,
    ) -> uuid.UUID:
        cooperative_id = uuid.uuid4()
        self.cooperatives[str(cooperative_id)] = {
            "id": str(cooperative_id),
            "name": name,
            "type": "produsen",
            "status": status,
            "region_code": region_code,
            "latitude": latitude,
            "longitude": longitude,
        }
        return cooperative_id

    def reset(self) -> None:
        self.cooperatives.clear()
        self.mode = "up"
        self.calls = 0

    def http_client(self) -> httpx.AsyncClient:
        inner = httpx.ASGITransport(app=self.app)
        fake = self

        class Switchable(httpx.AsyncBaseTransport):
            async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
                if fake.mode == "down":
                    fake.calls += 1
                    raise httpx.ConnectError("connection refused", request=request)
                return await inner.handle_async_request(request)

        return httpx.AsyncClient(transport=Switchable())
