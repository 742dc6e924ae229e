"""Typed client for the marketplace service."""

from __future__ import annotations

from kopmod_shared.clients.base import ServiceClient


class MarketplaceClient(ServiceClient):
    service = "marketplace"
