"""``/v1/webhooks``: partners subscribe to a service's events and read their delivery log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, ConfigDict, Field, HttpUrl
from sqlalchemy import Table, and_, delete, func, insert, literal, select, update
from sqlalchemy.dialects.postgresql import UUID as PG_UUID
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, PrincipalDep, Role
from kopmod_shared.db import SessionDep
from kopmod_shared.errors import AUTH_ERRORS, Forbidden, NotFound, ValidationProblem, responses
from kopmod_shared.events import INTERNAL_EVENT_TYPES
from kopmod_shared.ids import new_id
from kopmod_shared.pagination import Page, PageParams, make_page, page_params
from kopmod_shared.routing import KopmodRouter
from kopmod_shared.webhooks.signing import new_secret
from kopmod_shared.webhooks.ssrf import UnsafeUrl, check_url
from kopmod_shared.webhooks.tables import WebhookTables

ROTATION_GRACE = timedelta(hours=24)


class EndpointCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl = Field(description="https URL that receives POSTed events.")
    event_types: list[str] = Field(
        default_factory=list, max_length=50, description="Event types; empty means all."
    )
    description: str | None = Field(default=None, max_length=500)


class EndpointUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl | None = None
    event_types: list[str] | None = Field(default=None, max_length=50)
    description: str | None = Field(default=None, max_length=500)
    enabled: bool | None = Field(default=None, description="Re-enable after 410 or failures.")


class EndpointOut(BaseModel):
    id: UUID
    url: str
    event_types: list[str]
    description: str | None
    enabled: bool
    disabled_reason: str | None
    created_at: datetime


class EndpointWithSecret(EndpointOut):
    secret: str = Field(description="`whsec_` signing secret: shown only here.")


class WebhookDeliveryOut(BaseModel):
    id: UUID
    event_id: UUID
    event_type: str
    status: str = Field(description="pending, succeeded or failed")
    attempts: int
    next_attempt_at: datetime | None
    last_status_code: int | None
    last_error: str | None
    created_at: datetime
    delivered_at: datetime | None


def _out(row: Any) -> EndpointOut:
    return EndpointOut(
        id=row.id,
        url=row.url,
        event_types=list(row.event_types or []),
        description=row.description,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        created_at=row.created_at,
    )


# A kopmod service that subscribes is sent what was published before its subscription existed
# (within this window), so nothing is lost while services start in any order; consumers
# de-duplicate by event id, so a re-subscription costs nothing but deliveries.
SERVICE_BACKFILL = timedelta(days=7)


def webhooks_router(
    tables: WebhookTables,
    event_types: list[str],
    outbox: Table | None = None,
    *,
    may_subscribe: Callable[[Principal], bool] | None = None,
    audit: Callable[[str], Any] | None = None,
) -> APIRouter:
    """``audit``: the service's ``audited`` (kopmod_shared.audit.audited_with), so every
    command on an endpoint (subscribe, change, delete, rotate, replay) leaves an audit row."""
    router = KopmodRouter(prefix="/v1/webhooks", tags=["webhooks"])

    def audited(action: str) -> list[Any]:
        return [Depends(audit(action))] if audit is not None else []

    known = set(event_types)
    t = tables

    def _may_subscribe(principal: Principal) -> None:
        if may_subscribe is not None and not may_subscribe(principal):
            raise Forbidden("this caller may not subscribe to this service's events")

    async def _check(request: Request, url: str, principal: Principal) -> None:
        settings = request.app.state.settings
        # Other kopmod services subscribe over the internal network; partners never may.
        trusted = principal.role is Role.service or settings.webhooks_allow_private
        await check_url(url, allow_private=trusted, allow_http=trusted)

    def _types(types: list[str], principal: Principal) -> list[str]:
        offered = known if principal.role is Role.service else known - INTERNAL_EVENT_TYPES
        unknown = sorted(set(types) - offered)
        if unknown:
            raise ValidationProblem.for_field(
                "body.event_types", f"unknown event types: {', '.join(unknown)}", "unknown"
            )
        return sorted(set(types))

    async def _own(session: AsyncSession, principal: Principal, endpoint_id: UUID) -> Any:
        stmt = select(t.endpoints).where(t.endpoints.c.id == endpoint_id)
        if principal.role is not Role.admin:
            stmt = stmt.where(t.endpoints.c.owner_client_id == principal.client_id)
        row = (await session.execute(stmt)).first()
        if row is None:
            raise NotFound(f"no webhook endpoint {endpoint_id}")
        return row

    @router.post(
        "",
        status_code=201,
        response_model=EndpointWithSecret,
        summary="Subscribe an https endpoint to events",
        description=(
            "Deliveries follow Standard Webhooks 1.0: headers `webhook-id` (the event id, stable "
            "across retries), `webhook-timestamp`, `webhook-signature` (`v1,` + base64 "
            "HMAC-SHA256 of `{id}.{timestamp}.{body}` with the `whsec_` secret). Retries back "
            "off over about a day; 410 Gone disables the endpoint. Organisation-bound callers "
            "(cooperatives, offtakers) receive only events about their own organisation."
        ),
        responses=responses(*AUTH_ERRORS, Forbidden, ValidationProblem, UnsafeUrl),
        dependencies=audited("webhook.subscribe"),
    )
    async def create(
        data: EndpointCreate, request: Request, principal: PrincipalDep, session: SessionDep
    ) -> EndpointWithSecret:
        _may_subscribe(principal)
        await _check(request, str(data.url), principal)
        secret = new_secret()
        endpoint_id = new_id()
        await session.execute(
            insert(t.endpoints).values(
                id=endpoint_id,
                owner_client_id=principal.client_id,
                owner_role=principal.role.value,
                owner_org_id=principal.org_id,
                url=str(data.url),
                description=data.description,
                event_types=_types(data.event_types, principal),
                secrets=[{"secret": secret, "expires_at": None}],
            )
        )
        if outbox is not None and principal.role is Role.service:
            await _backfill(session, endpoint_id, _types(data.event_types, principal))
        row = await _own(session, principal, endpoint_id)
        return EndpointWithSecret(**_out(row).model_dump(), secret=secret)

    async def _backfill(session: AsyncSession, endpoint_id: UUID, types: list[str]) -> None:
        assert outbox is not None
        d = t.deliveries
        recent = outbox.c.occurred_at > datetime.now(UTC) - SERVICE_BACKFILL
        where = and_(recent, outbox.c.type.in_(types)) if types else recent
        await session.execute(
            pg_insert(d)
            .from_select(
                [
                    "id",
                    "endpoint_id",
                    "event_id",
                    "event_type",
                    "payload",
                    "status",
                    "next_attempt_at",
                ],
                select(
                    func.gen_random_uuid(),
                    literal(endpoint_id, PG_UUID(as_uuid=True)),
                    outbox.c.id,
                    outbox.c.type,
                    outbox.c.payload,
                    literal("pending"),
                    func.now(),
                )
                .where(where)
                .order_by(outbox.c.seq),
            )
            .on_conflict_do_nothing()
        )

    @router.get(
        "",
        response_model=Page[EndpointOut],
        summary="List your webhook endpoints",
        responses=responses(*AUTH_ERRORS, ValidationProblem),
    )
    async def list_(
        principal: PrincipalDep,
        session: SessionDep,
        page: Annotated[PageParams, Depends(page_params)],
    ) -> Page[EndpointOut]:
        stmt = select(t.endpoints).order_by(t.endpoints.c.id).limit(page.limit + 1)
        if principal.role is not Role.admin:
            stmt = stmt.where(t.endpoints.c.owner_client_id == principal.client_id)
        if page.cursor:
            stmt = stmt.where(t.endpoints.c.id > UUID(str(page.cursor[0])))
        rows = (await session.execute(stmt)).all()
        items, cursor = make_page(rows, page.limit, lambda r: [r.id])
        return Page[EndpointOut](items=[_out(r) for r in items], next_cursor=cursor)

    @router.get(
        "/{endpoint_id}",
        response_model=EndpointOut,
        summary="Read a webhook endpoint",
        responses=responses(*AUTH_ERRORS, NotFound),
    )
    async def get(endpoint_id: UUID, principal: PrincipalDep, session: SessionDep) -> EndpointOut:
        return _out(await _own(session, principal, endpoint_id))

    @router.patch(
        "/{endpoint_id}",
        response_model=EndpointOut,
        summary="Change or re-enable a webhook endpoint",
        responses=responses(*AUTH_ERRORS, Forbidden, NotFound, ValidationProblem, UnsafeUrl),
        dependencies=audited("webhook.change"),
    )
    async def patch(
        endpoint_id: UUID,
        data: EndpointUpdate,
        request: Request,
        principal: PrincipalDep,
        session: SessionDep,
    ) -> EndpointOut:
        await _own(session, principal, endpoint_id)
        _may_subscribe(principal)
        values: dict[str, Any] = {"updated_at": func.now()}
        if data.url is not None:
            await _check(request, str(data.url), principal)
            values["url"] = str(data.url)
        if data.event_types is not None:
            values["event_types"] = _types(data.event_types, principal)
        if data.description is not None:
            values["description"] = data.description
        if data.enabled is not None:
            values["enabled"] = data.enabled
            if data.enabled:
                values["disabled_reason"] = None
        await session.execute(
            update(t.endpoints).where(t.endpoints.c.id == endpoint_id).values(values)
        )
        return _out(await _own(session, principal, endpoint_id))

    @router.delete(
        "/{endpoint_id}",
        status_code=204,
        summary="Unsubscribe (deletes the endpoint and its delivery log)",
        responses=responses(*AUTH_ERRORS, NotFound),
        dependencies=audited("webhook.delete"),
    )
    async def remove(endpoint_id: UUID, principal: PrincipalDep, session: SessionDep) -> Response:
        await _own(session, principal, endpoint_id)
        await session.execute(delete(t.endpoints).where(t.endpoints.c.id == endpoint_id))
        return Response(status_code=204)

    @router.post(
        "/{endpoint_id}/secret",
        response_model=EndpointWithSecret,
        summary="Rotate the signing secret",
        description="The old secret keeps signing (alongside the new) for 24 hours.",
        responses=responses(*AUTH_ERRORS, NotFound),
        dependencies=audited("webhook.rotate_secret"),
    )
    async def rotate(
        endpoint_id: UUID, principal: PrincipalDep, session: SessionDep
    ) -> EndpointWithSecret:
        row = await _own(session, principal, endpoint_id)
        now = datetime.now(UTC)
        expires = (now + ROTATION_GRACE).isoformat()
        kept = [
            {"secret": s["secret"], "expires_at": s.get("expires_at") or expires}
            for s in row.secrets
            if not s.get("expires_at") or datetime.fromisoformat(s["expires_at"]) > now
        ]
        secret = new_secret()
        await session.execute(
            update(t.endpoints)
            .where(t.endpoints.c.id == endpoint_id)
            .values(secrets=[{"secret": secret, "expires_at": None}, *kept], updated_at=now)
        )
        return EndpointWithSecret(**_out(row).model_dump(), secret=secret)

    @router.get(
        "/{endpoint_id}/deliveries",
        response_model=Page[WebhookDeliveryOut],
        summary="The delivery log of an endpoint, newest first",
        responses=responses(*AUTH_ERRORS, NotFound, ValidationProblem),
    )
    async def deliveries(
        endpoint_id: UUID,
        principal: PrincipalDep,
        session: SessionDep,
        page: Annotated[PageParams, Depends(page_params)],
        status: str | None = None,
    ) -> Page[WebhookDeliveryOut]:
        await _own(session, principal, endpoint_id)
        d = t.deliveries
        stmt = select(d).where(d.c.endpoint_id == endpoint_id).order_by(d.c.id.desc())
        if status:
            stmt = stmt.where(d.c.status == status)
        if page.cursor:
            stmt = stmt.where(d.c.id < UUID(str(page.cursor[0])))
        rows = (await session.execute(stmt.limit(page.limit + 1))).all()
        items, cursor = make_page(rows, page.limit, lambda r: [r.id])
        return Page[WebhookDeliveryOut](
            items=[WebhookDeliveryOut.model_validate(r._mapping) for r in items], next_cursor=cursor
        )

    @router.post(
        "/{endpoint_id}/deliveries/{delivery_id}/replay",
        response_model=WebhookDeliveryOut,
        summary="Deliver an event again (same webhook-id)",
        responses=responses(*AUTH_ERRORS, NotFound),
        dependencies=audited("webhook.replay"),
    )
    async def replay(
        endpoint_id: UUID, delivery_id: UUID, principal: PrincipalDep, session: SessionDep
    ) -> WebhookDeliveryOut:
        await _own(session, principal, endpoint_id)
        d = t.deliveries
        result = (
            await session.execute(
                update(d)
                .where(and_(d.c.id == delivery_id, d.c.endpoint_id == endpoint_id))
                .values(status="pending", next_attempt_at=func.now(), delivered_at=None)
                .returning(*d.c)
            )
        ).first()
        if result is None:
            raise NotFound(f"no delivery {delivery_id} on this endpoint")
        return WebhookDeliveryOut.model_validate(result._mapping)

    return router
