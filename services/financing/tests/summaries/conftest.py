"""Summaries reuse the servicing fixtures (a fund, signed loans, the paying bank)."""

from ..servicing.conftest import bank

__all__ = ["bank"]
