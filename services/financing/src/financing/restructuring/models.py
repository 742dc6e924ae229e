"""Successions heard from the registry and every loan or application moved because of one."""

from __future__ import annotations

from financing.models import Base
from kopmod_shared.restructuring import define_succession_tables

cooperative_successions, cooperative_transfers = define_succession_tables(Base.metadata)
