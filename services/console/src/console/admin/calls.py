"""The registry calls the admin pages make that ``console.api.Api`` has no verb for (PATCH),
and the choices their forms offer."""

from __future__ import annotations

from typing import Any

from console.api import Api
from console.i18n import N_

ROLES = [
    ("partner", N_("partner system")),
    ("cooperative", N_("cooperative")),
    ("offtaker", N_("offtaker")),
    ("ministry", N_("ministry")),
    ("fund_officer", N_("fund officer")),
    ("fund_committee", N_("fund committee")),
    ("admin", N_("administrator")),
]
SCOPES = [
    "registry:read",
    "registry:write",
    "registry:restructure",
    "applications:read",
    "repayments",
    "funds:read",
    "marketplace:read",
    "marketplace:match",
]


async def patch(api: Api, path: str, body: dict[str, Any], key: str) -> Any:
    resp = await api.registry.request("PATCH", path, json=body, idempotency_key=key)
    return resp.json() if resp.content else None
