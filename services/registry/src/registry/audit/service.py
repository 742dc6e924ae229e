"""Audit rows for the registry's commands: written in the command's transaction when it
succeeds, in a transaction of their own when it is refused (the shared machinery,
``kopmod_shared.audit``, on the registry's ``audit_records``)."""

from __future__ import annotations

from kopmod_shared.audit import AuditContext, audited_with, success_hook
from registry.audit.models import AuditRecord

__all__ = ["AuditContext", "audited", "record_success"]

audited = audited_with(AuditRecord.__table__)
record_success = success_hook(AuditRecord.__table__)
