"""The summaries' wire shapes live in the shared library (other services read them)."""

from kopmod_shared.schemas.marketplace import MarketSummary, MarketSummaryPage

MAX_IDS = 100

__all__ = ["MAX_IDS", "MarketSummary", "MarketSummaryPage"]
