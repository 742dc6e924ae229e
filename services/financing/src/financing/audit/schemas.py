"""Audit rows as the API answers them (the shared shape every service's audit trail uses)."""

from __future__ import annotations

from kopmod_shared.audit import AuditRecordOut

__all__ = ["AuditRecordOut"]
