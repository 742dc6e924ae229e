"""Typed client for the financing service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from pydantic import TypeAdapter

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.financing import (
    ApplicationSummary,
    FinancingSummary,
    FinancingSummaryPage,
    ProductSummary,
)

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

    async def financing_summary(self, cooperative_id: UUID) -> FinancingSummary:
        """Applications, loans and repayment record of one cooperative."""
        return await self.get_model(
            f"/v1/cooperatives/{cooperative_id}/financing-summary", FinancingSummary
        )

    async def financing_summaries(self, cooperative_ids: Sequence[UUID]) -> list[FinancingSummary]:
        """Summaries of the cooperatives named (at most 100 per call; a cooperative without any
        financing comes back with zero counts)."""
        if not cooperative_ids:
            return []
        params = {"cooperative_id": [str(c) for c in cooperative_ids]}
        page = await self.get_model("/v1/financing-summaries", FinancingSummaryPage, params=params)
        return page.items

    async def all_financing_summaries(self, *, limit: int = 100) -> AsyncIterator[FinancingSummary]:
        """Every cooperative with any financing, page by page (follows the cursor)."""
        cursor: str | None = None
        while True:
            params: dict[str, str | int] = {"limit": limit}
            if cursor:
                params["cursor"] = cursor
            page = await self.get_model(
                "/v1/financing-summaries", FinancingSummaryPage, params=params
            )
            for item in page.items:
                yield item
            cursor = page.next_cursor
            if not cursor:
                return
