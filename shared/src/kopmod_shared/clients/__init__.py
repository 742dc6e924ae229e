"""Typed HTTP clients for each kopmod service (what services and partners call each other with)."""

from kopmod_shared.clients.base import ClientCredentials, ServiceClient
from kopmod_shared.clients.financing import FinancingClient
from kopmod_shared.clients.marketplace import MarketplaceClient
from kopmod_shared.clients.registry import RegistryClient

__all__ = [
    "ClientCredentials",
    "FinancingClient",
    "MarketplaceClient",
    "RegistryClient",
    "ServiceClient",
]
