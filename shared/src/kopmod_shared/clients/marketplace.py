"""Typed client for the marketplace service."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.marketplace import ContractSummary


class MarketplaceClient(ServiceClient):
    service = "marketplace"

    async def contract_summary(self, contract_id: UUID) -> ContractSummary:
        """Parties, status, value, delivered so far, remaining value and schedule of a contract."""
        return await self.get_model(f"/v1/contracts/{contract_id}/summary", ContractSummary)
