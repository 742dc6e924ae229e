"""Financing's own problem types (all on the shared hierarchy, so clients map them back)."""

from __future__ import annotations

from kopmod_shared.errors import BusinessRuleViolation, Conflict, Forbidden


class InsufficientFundCash(Conflict):
    slug, title = "insufficient-fund-cash", "The fund's available cash does not cover this"


class UnbalancedEntry(BusinessRuleViolation):
    slug, title = "unbalanced-entry", "A journal entry must balance and have lines"


class FourEyesViolation(Forbidden):
    slug, title = "four-eyes", "The checker must be a different person from the maker"


class ChecksumMismatch(BusinessRuleViolation):
    slug, title = "checksum-mismatch", "The document does not match its checksum"


class NoTariff(BusinessRuleViolation):
    slug, title = "no-tariff", "The product has no rate in force on that date"


class ProductRetired(Conflict):
    slug, title = "product-retired", "The product is retired: it takes no new applications"
