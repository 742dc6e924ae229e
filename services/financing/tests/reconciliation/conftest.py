"""Reuse the loan fixtures (a fund, signed loans, the paying bank)."""

from ..loans.conftest import bank

__all__ = ["bank"]
