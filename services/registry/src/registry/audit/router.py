"""The registry's audit trail over HTTP: who did what to which object, when, with which outcome
(the platform operator)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from kopmod_shared.app import KopmodRouter
from kopmod_shared.audit import AuditFilters, AuditRecordOut, audit_filters
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageParams, cursor_time_id, make_page, page_params
from registry.audit.repository import AuditRepository

router = KopmodRouter(tags=["audit"])
Operator = Annotated[Principal, Depends(require_roles(Role.admin))]


@router.get(
    "/v1/audit-records",
    response_model=Page[AuditRecordOut],
    summary="Search the registry's audit trail (admin)",
    description=(
        "One row per command on the registry: cooperatives, RATs, health assessments, "
        "modernisation, restructurings, imports, API clients (created, changed, secret "
        "rotated), applications people sign in to, invitations, people and memberships, "
        "webhook endpoints. Who (`actor`: the person when a person signed in, else the client; "
        "the client, role and organisation beside it), what (action, path, request with secrets "
        "redacted), when, and the outcome (succeeded, or refused with its problem type). Newest "
        "first, paged; filter by person (`actor`), object (`target_id`), `action` and a time "
        "range (`since` inclusive, `until` exclusive)."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def search_audit_records(
    principal: Operator,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[AuditFilters, Depends(audit_filters)],
) -> Page[AuditRecordOut]:
    rows = await AuditRepository(session).page(
        limit=page.limit, before=cursor_time_id(page), filters=filters
    )
    items, cursor = make_page(rows, page.limit, lambda r: (r.at, r.id))
    return Page[AuditRecordOut](
        items=[AuditRecordOut.model_validate(r) for r in items], next_cursor=cursor
    )
