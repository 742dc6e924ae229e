"""Who may read and write what in the registry (OWASP API1 and API3: object and property level).

- ``admin`` and ``ministry`` read and write everything.
- A ``partner`` reads full records with scope ``registry:read`` (or ``registry:write``), writes
  with ``registry:write`` and records restructurings with ``registry:restructure``.
- A ``service`` (another kopmod service) reads full records.
- A ``cooperative`` reads its own full record and its sub-resources, changes its own
  non-legal fields, products and member groups, and reports its own RATs; any other
  cooperative's id answers 404. Its legal identity, status, health assessments, phases,
  mentoring and restructurings stay with the writers.
- Everyone else (fund officers, offtakers, partners without a registry scope) reads public
  profiles only.
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import Depends

from kopmod_shared.auth import Principal, PrincipalDep, Role, require_roles
from kopmod_shared.errors import Forbidden, NotFound

SCOPE_READ = "registry:read"
SCOPE_WRITE = "registry:write"
SCOPE_RESTRUCTURE = "registry:restructure"

_OFFICIAL = frozenset({Role.admin, Role.ministry})

WriterDep = Annotated[
    Principal, Depends(require_roles(Role.ministry, Role.partner, Role.admin, scopes=[SCOPE_WRITE]))
]
RestructurerDep = Annotated[
    Principal,
    Depends(require_roles(Role.ministry, Role.partner, Role.admin, scopes=[SCOPE_RESTRUCTURE])),
]


def is_writer(principal: Principal) -> bool:
    return principal.role in _OFFICIAL or (
        principal.role is Role.partner and principal.has_scope(SCOPE_WRITE)
    )


def reads_everything(principal: Principal) -> bool:
    """Full records of every cooperative."""
    if principal.role in _OFFICIAL or principal.role is Role.service:
        return True
    return principal.role is Role.partner and (
        principal.has_scope(SCOPE_READ) or principal.has_scope(SCOPE_WRITE)
    )


def own_cooperative(principal: Principal) -> UUID | None:
    """The cooperative a ``cooperative`` principal acts for (None for other roles)."""
    return principal.org_id if principal.role is Role.cooperative else None


def may_subscribe(principal: Principal) -> bool:
    """Who may subscribe to the registry's events: a cooperative (it hears only about itself)
    and whoever reads every full record. Anyone else would hear about every cooperative, its
    RATs and health assessments included, which they may not read through the API."""
    return own_cooperative(principal) is not None or reads_everything(principal)


def ensure_visible(principal: Principal, cooperative_id: UUID) -> None:
    """A cooperative principal never learns that another cooperative's id exists."""
    own = own_cooperative(principal)
    if own is not None and own != cooperative_id:
        raise NotFound("no cooperative with this id")


def reads_full(principal: Principal, cooperative_id: UUID) -> bool:
    ensure_visible(principal, cooperative_id)
    return reads_everything(principal) or own_cooperative(principal) == cooperative_id


def require_full_read(principal: Principal, cooperative_id: UUID) -> None:
    """Sub-resources and the eligibility snapshot: full readers only."""
    if not reads_full(principal, cooperative_id):
        raise Forbidden("only the public profile of this cooperative is readable for you")


def require_write(principal: Principal, cooperative_id: UUID, *, self_service: bool) -> None:
    """Writers may change any cooperative; with ``self_service`` the cooperative itself too."""
    ensure_visible(principal, cooperative_id)
    if is_writer(principal):
        return
    if self_service and own_cooperative(principal) == cooperative_id:
        return
    raise Forbidden(f"role {principal.role.value} may not change this")


__all__ = ["PrincipalDep"]
