"""The restructuring tests' registry app reaches fake financing and marketplace services (the
scorecard's fakes): a preview asks them for the predecessors' loans and contracts."""

from __future__ import annotations

from ..scorecard.conftest import app, client, financing, marketplace

__all__ = ["app", "client", "financing", "marketplace"]
