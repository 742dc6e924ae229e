"""Typed client for the financing service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.financing import (
    ApplicationSummary,
    FinancingSummary,
    FinancingSummaryPage,
    ProductSummary,
)


class FinancingClient(ServiceClient):
    service = "financing"

    async def get_application(self, application_id: UUID) -> ApplicationSummary:
        return await self.get_model(f"/v1/applications/{application_id}", ApplicationSummary)

    async def applications_of(
        self, cooperative_id: UUID, *, limit: int = 100
    ) -> list[ApplicationSummary]:
        """Every application of a cooperative (follows the cursor)."""
        params = {"cooperative_id": str(cooperative_id)}
        pages = self.items("/v1/applications", ApplicationSummary, params, limit=limit)
        return [item async for item in pages]

    async def list_products(self, fund_id: UUID | None = None) -> list[ProductSummary]:
        """Every product (of one fund if named), by code (follows the cursor)."""
        params = {"fund_id": str(fund_id)} if fund_id else None
        return [item async for item in self.items("/v1/products", ProductSummary, params)]

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
        async for item in self.items("/v1/financing-summaries", FinancingSummary, limit=limit):
            yield item
