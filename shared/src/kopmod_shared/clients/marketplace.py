"""Typed client for the marketplace service."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.market_views import (
    DisputeDetail,
    DisputeStatus,
    DisputeViewPage,
    MatchingResults,
    OfftakerFulfilment,
)
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

    async def matching_results(self, demand_id: UUID) -> MatchingResults:
        """The latest run's split for a demand and why each cooperative was chosen (its
        offtaker's token)."""
        return await self.get_model(f"/v1/demands/{demand_id}/matching-results", MatchingResults)

    async def disputes(
        self, *, status: DisputeStatus | None = None, cursor: str | None = None, limit: int = 20
    ) -> DisputeViewPage:
        """One page of the disputes over the caller's deliveries."""
        params: dict[str, str | int] = {"limit": limit}
        if status is not None:
            params["status"] = status.value
        if cursor:
            params["cursor"] = cursor
        return await self.get_model("/v1/disputes", DisputeViewPage, params=params)

    async def dispute(self, dispute_id: UUID) -> DisputeDetail:
        """One dispute with the delivery it is about and its history."""
        return await self.get_model(f"/v1/disputes/{dispute_id}", DisputeDetail)

    async def offtaker_fulfilment(self, offtaker_id: UUID) -> OfftakerFulfilment:
        """What each cooperative delivered to the offtaker, per commodity."""
        return await self.get_model(f"/v1/offtakers/{offtaker_id}/fulfilment", OfftakerFulfilment)
