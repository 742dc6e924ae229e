"""Who a notice goes to, asked of the registry's public API with the console's own service
credentials (``GET /v1/notification-recipients``): never another service's database."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kopmod_shared.clients.base import ServiceClient


@dataclass(frozen=True)
class Recipient:
    person_id: str
    name: str
    email: str
    language: str


class Recipients:
    def __init__(self, registry: ServiceClient) -> None:
        self.registry = registry

    async def of(
        self, role: str, org_id: str | None, person_id: str | None = None
    ) -> list[Recipient]:
        """Every active person of ``role`` (of the organisation, for org-bound roles); with
        ``person_id``, that person alone while they hold the role (else nobody)."""
        out: list[Recipient] = []
        cursor: str | None = None
        while True:
            params: dict[str, Any] = {"role": role, "limit": 100}
            if org_id:
                params["org_id"] = org_id
            if person_id:
                params["person_id"] = person_id
            if cursor:
                params["cursor"] = cursor
            page = (
                await self.registry.request("GET", "/v1/notification-recipients", params=params)
            ).json()
            out.extend(
                Recipient(
                    person_id=str(item["person_id"]),
                    name=item["name"],
                    email=item["email"],
                    language=item["language"],
                )
                for item in page["items"]
            )
            cursor = page.get("next_cursor")
            if not cursor:
                return out
