"""The audit trail over HTTP: who did what, when, with which outcome (fund staff)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from financing.audit.repository import AuditRepository
from financing.audit.schemas import AuditRecordOut
from kopmod_shared.app import KopmodRouter
from kopmod_shared.audit import AuditFilters, audit_filters
from kopmod_shared.auth import Principal, Role, require_roles
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, ValidationProblem, responses
from kopmod_shared.pagination import Page, PageParams, cursor_time_id, make_page, page_params

router = KopmodRouter(tags=["audit"])
# The audit trail is read by fund staff and by the platform operator (admin).
FundStaff = Annotated[
    Principal, Depends(require_roles(Role.fund_officer, Role.fund_committee, Role.admin))
]


@router.get(
    "/v1/audit-records",
    response_model=Page[AuditRecordOut],
    summary="Read the audit trail (fund staff)",
    description=(
        "One row per command: who (client, role, organisation), what (action, path, request "
        "without document contents), when, and the outcome (succeeded, or refused with its "
        "problem type). Newest first; filter by `target_id` (an application, fund, product), "
        "`actor` (a person's id, or a client's), `action`, and a time range (`since` "
        "inclusive, `until` exclusive)."
    ),
    responses=responses(*AUTH_ERRORS, ValidationProblem),
)
async def list_audit_records(
    principal: FundStaff,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    filters: Annotated[AuditFilters, Depends(audit_filters)],
) -> Page[AuditRecordOut]:
    before = cursor_time_id(page)
    rows = await AuditRepository(session).page(limit=page.limit, before=before, filters=filters)
    items, cursor = make_page(rows, page.limit, lambda r: (r.at, r.id))
    return Page[AuditRecordOut](
        items=[AuditRecordOut.model_validate(r) for r in items], next_cursor=cursor
    )
