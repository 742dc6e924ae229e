"""The registry's word that a cooperative is active, kept for a short while per process.

Posting an offer needs the registry to know the cooperative as active (and its name and
location). Asking on every offer cost a second HTTP request per offer, the largest share of the
offer's time. Only an *active* answer is kept, for at most ``ttl`` seconds
(``KOPMOD_MARKETPLACE_COOPERATIVE_CACHE_SECONDS``, 60 by default; 0 asks every time) and for at
most ``maxsize`` cooperatives (least recently used out first), so:

- a cooperative the registry suspends (``inactive``), dissolves or merges can still offer for at
  most ``ttl`` seconds after the change in any marketplace process;
- in the process that receives the registry's ``registry.cooperative.updated`` (or
  ``.restructured``, for the predecessors) event, at once: the handler forgets the cooperative;
- an unknown or inactive cooperative is never kept: it is asked about again on its next offer,
  so one that becomes active can offer at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any
from uuid import UUID

from cachetools import TTLCache

from kopmod_shared.schemas.registry import CooperativeStatus, CooperativeSummary


class ActiveCooperatives:
    """Registry answers of active cooperatives by id, each for ``ttl`` seconds at most."""

    def __init__(
        self, ttl: float, maxsize: int = 10_000, timer: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl = ttl
        self._kept: TTLCache[UUID, CooperativeSummary] | None = (
            TTLCache(maxsize=maxsize, ttl=ttl, timer=timer) if ttl > 0 else None
        )

    def get(self, cooperative_id: UUID) -> CooperativeSummary | None:
        """The kept answer, or None when it was never kept, has expired or was forgotten."""
        if self._kept is None:
            return None
        found: CooperativeSummary | None = self._kept.get(cooperative_id)
        return found

    def keep(self, cooperative: CooperativeSummary) -> None:
        """Keep an answer of the registry, if it says active (nothing else is kept)."""
        if self._kept is not None and cooperative.status is CooperativeStatus.active:
            self._kept[cooperative.id] = cooperative

    def forget(self, ids: Iterable[UUID | str]) -> None:
        """Drop what is kept of these cooperatives (the registry said they changed)."""
        if self._kept is None:
            return
        for raw in ids:
            try:
                self._kept.pop(UUID(str(raw)), None)
            except ValueError:
                continue

    def __len__(self) -> int:
        return 0 if self._kept is None else len(self._kept)


def changed_cooperatives(envelope: dict[str, Any]) -> list[str]:
    """The cooperatives a registry event says changed: the subject of
    ``registry.cooperative.updated``; every predecessor and successor of a restructuring."""
    data = envelope.get("data") or {}
    ids = [envelope.get("subject"), data.get("id")]
    for key in ("predecessor_ids", "successor_ids", "merged_ids"):
        ids.extend(data.get(key) or [])
    return [str(i) for i in ids if i]
