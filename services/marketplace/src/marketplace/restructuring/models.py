"""Successions heard from the registry and every offer, proposal or contract moved by one."""

from __future__ import annotations

from kopmod_shared.restructuring import define_succession_tables
from marketplace.models import Base

cooperative_successions, cooperative_transfers = define_succession_tables(Base.metadata)
