"""Offtaker profiles: who may see and change them."""

from __future__ import annotations

from uuid import UUID

from kopmod_shared.auth import Principal, Role
from kopmod_shared.errors import Forbidden, NotFound, ValidationProblem
from marketplace.common import READ_SCOPE, can_read_all
from marketplace.geo import inside_indonesia
from marketplace.offtakers.models import Offtaker
from marketplace.offtakers.repository import OfftakerRepository
from marketplace.offtakers.schemas import OfftakerCreate, OfftakerUpdate


async def create(repo: OfftakerRepository, data: OfftakerCreate) -> Offtaker:
    if not inside_indonesia(data.latitude, data.longitude):
        raise ValidationProblem.for_field(
            "body.latitude",
            "an offtaker's own location must be inside Indonesia",
            "outside_indonesia",
        )
    return await repo.add(Offtaker(**data.model_dump(mode="json")))


async def get_visible(repo: OfftakerRepository, principal: Principal, id: UUID) -> Offtaker:
    offtaker = await repo.get(id)
    if offtaker is None or not (can_read_all(principal) or principal.is_org(Role.offtaker, id)):
        raise NotFound(f"no offtaker {id}")
    return offtaker


async def require_own(repo: OfftakerRepository, principal: Principal) -> Offtaker:
    """The offtaker a token with role ``offtaker`` acts for (it must have a profile)."""
    offtaker = await repo.get(principal.org_id) if principal.org_id else None
    if offtaker is None:
        raise Forbidden("this token's organisation has no offtaker profile")
    if offtaker.verification_status == "suspended":
        raise Forbidden("this offtaker is suspended")
    return offtaker


async def update(
    repo: OfftakerRepository, principal: Principal, id: UUID, data: OfftakerUpdate
) -> Offtaker:
    offtaker = await get_visible(repo, principal, id)
    if principal.role is not Role.admin and not principal.is_org(Role.offtaker, id):
        raise Forbidden("only the offtaker itself or an admin may change its profile")
    changes = data.model_dump(exclude_unset=True, mode="json")
    if "verification_status" in changes and principal.role is not Role.admin:
        raise Forbidden("only an admin may change verification_status")
    for name, value in changes.items():
        if value is None and name != "contact_phone":
            continue
        setattr(offtaker, name, value)
    await repo.session.flush()
    return offtaker


__all__ = ["READ_SCOPE", "can_read_all"]
