"""Typed client for the financing service."""

from __future__ import annotations

from kopmod_shared.clients.base import ServiceClient


class FinancingClient(ServiceClient):
    service = "financing"
