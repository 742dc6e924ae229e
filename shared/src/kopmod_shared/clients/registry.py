"""Typed client for the registry service."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.clients.base import ServiceClient
from kopmod_shared.schemas.registry import CooperativeSummary, EligibilitySnapshot, Lineage


class RegistryClient(ServiceClient):
    service = "registry"

    async def get_cooperative(self, cooperative_id: UUID) -> CooperativeSummary:
        return await self.get_model(f"/v1/cooperatives/{cooperative_id}", CooperativeSummary)

    async def eligibility_snapshot(self, cooperative_id: UUID) -> EligibilitySnapshot:
        return await self.get_model(
            f"/v1/cooperatives/{cooperative_id}/eligibility-snapshot", EligibilitySnapshot
        )

    async def lineage(self, cooperative_id: UUID) -> Lineage:
        """Predecessors and successors through every recorded merger, fusion and spin-off."""
        return await self.get_model(f"/v1/cooperatives/{cooperative_id}/lineage", Lineage)
