"""Audit rows for commands: written in the command's transaction when it succeeds (a
before-commit hook of the transactional route), and in a transaction of their own when it is
refused (so a refusal leaves a trace but changes nothing). The machinery is the shared one
(``kopmod_shared.audit``) on financing's ``audit_records`` table."""

from __future__ import annotations

from financing.audit.models import AuditRecord
from kopmod_shared.audit import AuditContext, audited_with, success_hook

__all__ = ["AuditContext", "audited", "record_success"]

audited = audited_with(AuditRecord.__table__)
record_success = success_hook(AuditRecord.__table__)
