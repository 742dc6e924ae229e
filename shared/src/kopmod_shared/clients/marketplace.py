"""Typed client for the marketplace service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.marketplace import ContractSummary, MarketSummary, MarketSummaryPage


class MarketplaceClient(ServiceClient):
    service = "marketplace"

    async def contract_summary(self, contract_id: UUID) -> ContractSummary:
        """Parties, status, value, delivered so far, remaining value and schedule of a contract."""
        return await self.get_model(f"/v1/contracts/{contract_id}/summary", ContractSummary)

    async def market_summary(self, cooperative_id: UUID) -> MarketSummary:
        """Contracts, offtakers, contracted value and fulfilment of one cooperative."""
        return await self.get_model(
            f"/v1/cooperatives/{cooperative_id}/market-summary", MarketSummary
        )

    async def market_summaries(self, cooperative_ids: Sequence[UUID]) -> list[MarketSummary]:
        """Summaries of the cooperatives named (at most 100 per call; a cooperative without any
        contract comes back with zero counts)."""
        if not cooperative_ids:
            return []
        params = {"cooperative_id": [str(c) for c in cooperative_ids]}
        page = await self.get_model("/v1/market-summaries", MarketSummaryPage, params=params)
        return page.items

    async def all_market_summaries(self, *, limit: int = 100) -> AsyncIterator[MarketSummary]:
        """Every cooperative with any contract, page by page (follows the cursor)."""
        async for item in self.items("/v1/market-summaries", MarketSummary, limit=limit):
            yield item
