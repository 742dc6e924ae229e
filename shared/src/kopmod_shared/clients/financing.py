"""Typed client for the financing service."""

from __future__ import annotations

from uuid import UUID

from pydantic import TypeAdapter

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.financing import ApplicationSummary, ProductSummary

_PRODUCTS = TypeAdapter(list[ProductSummary])


class FinancingClient(ServiceClient):
    service = "financing"

    async def get_application(self, application_id: UUID) -> ApplicationSummary:
        return await self.get_model(f"/v1/applications/{application_id}", ApplicationSummary)

    async def applications_of(
        self, cooperative_id: UUID, *, limit: int = 100
    ) -> list[ApplicationSummary]:
        """Every application of a cooperative (follows the cursor)."""
        out: list[ApplicationSummary] = []
        cursor: str | None = None
        while True:
            params: dict[str, str | int] = {"cooperative_id": str(cooperative_id), "limit": limit}
            if cursor:
                params["cursor"] = cursor
            body = (await self.request("GET", "/v1/applications", params=params)).json()
            out.extend(ApplicationSummary.model_validate(item) for item in body["items"])
            cursor = body.get("next_cursor")
            if not cursor:
                return out

    async def list_products(self, fund_id: UUID | None = None) -> list[ProductSummary]:
        params = {"fund_id": str(fund_id)} if fund_id else None
        resp = await self.request("GET", "/v1/products", params=params)
        return _PRODUCTS.validate_json(resp.content)
