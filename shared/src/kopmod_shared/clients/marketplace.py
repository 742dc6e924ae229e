"""Typed client for the marketplace service: the summaries other services read, and the records
a cooperative's or an offtaker's person reads in the console (offers, demand, proposals,
contracts, deliveries, disputes), each parsed into the model the marketplace answers with."""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TypeVar
from uuid import UUID

from pydantic import BaseModel

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.market_deals import (
    ContractOut,
    DeliveryOut,
    DeliveryStatus,
    DisputeOut,
    ProposalOut,
)
from kopmod_shared.schemas.market_records import (
    CommodityOut,
    DemandOut,
    OfferOut,
    OfftakerOut,
)
from kopmod_shared.schemas.market_views import (
    DisputeDetail,
    DisputeStatus,
    DisputeViewPage,
    MatchingResults,
    OfftakerFulfilment,
)
from kopmod_shared.schemas.marketplace import (
    ContractStatus,
    ContractSummary,
    MarketSummary,
    MarketSummaryPage,
)

M = TypeVar("M", bound=BaseModel)
Params = Mapping[str, str | int | list[str]]


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

    async def first(
        self, path: str, model: type[M], params: Params | None = None, *, limit: int = 20
    ) -> list[M]:
        """The first page of a list (``limit`` items at most): what a summary page shows."""
        query = {**(params or {}), "limit": limit}
        body = (await self.request("GET", path, params=query)).json()
        return [model.model_validate(item) for item in body["items"]]

    async def every(self, path: str, model: type[M], params: Params | None = None) -> list[M]:
        """Every item of a list (follows the cursor)."""
        return [item async for item in self.items(path, model, params)]

    async def commodities(self) -> list[CommodityOut]:
        """The reference list: every commodity with its units and grades."""
        return await self.every("/v1/commodities", CommodityOut)

    async def offtaker(self, offtaker_id: UUID | str) -> OfftakerOut:
        return await self.get_model(f"/v1/offtakers/{offtaker_id}", OfftakerOut)

    async def offers(self) -> list[OfferOut]:
        """The caller's supply offers (a cooperative sees its own)."""
        return await self.every("/v1/offers", OfferOut)

    async def offer(self, offer_id: UUID | str) -> OfferOut:
        return await self.get_model(f"/v1/offers/{offer_id}", OfferOut)

    async def demands(self) -> list[DemandOut]:
        """The demand the caller may see (an offtaker: its own and what is open)."""
        return await self.every("/v1/demands", DemandOut)

    async def demand(self, demand_id: UUID | str) -> DemandOut:
        return await self.get_model(f"/v1/demands/{demand_id}", DemandOut)

    async def proposals(
        self,
        *,
        awaiting_me: bool = False,
        demand_id: UUID | str | None = None,
        limit: int | None = None,
    ) -> list[ProposalOut]:
        """The caller's proposals (those waiting for its answer only, or one demand's); the
        first ``limit`` or every one."""
        params: dict[str, str | int | list[str]] = {}
        if awaiting_me:
            params["awaiting_me"] = "true"
        if demand_id is not None:
            params["demand_id"] = str(demand_id)
        if limit is not None:
            return await self.first("/v1/proposals", ProposalOut, params, limit=limit)
        return await self.every("/v1/proposals", ProposalOut, params)

    async def proposal(self, proposal_id: UUID | str) -> ProposalOut:
        return await self.get_model(f"/v1/proposals/{proposal_id}", ProposalOut)

    async def contracts(self, *, status: ContractStatus | None = None) -> list[ContractOut]:
        params = {"status": status.value} if status is not None else None
        return await self.every("/v1/contracts", ContractOut, params)

    async def contract(self, contract_id: UUID | str) -> ContractOut:
        return await self.get_model(f"/v1/contracts/{contract_id}", ContractOut)

    async def contract_deliveries(self, contract_id: UUID | str) -> list[DeliveryOut]:
        return await self.every(f"/v1/contracts/{contract_id}/deliveries", DeliveryOut)

    async def contract_disputes(self, contract_id: UUID | str) -> list[DisputeOut]:
        return await self.every(f"/v1/contracts/{contract_id}/disputes", DisputeOut)

    async def deliveries(self, *, status: DeliveryStatus, limit: int = 20) -> list[DeliveryOut]:
        """The first deliveries of the caller's contracts in one state."""
        return await self.first(
            "/v1/deliveries", DeliveryOut, {"status": status.value}, limit=limit
        )
