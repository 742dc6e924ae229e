"""What a service publishes about its own webhook endpoints (internal events)."""

from __future__ import annotations

from uuid import UUID

from pydantic import BaseModel, Field


class WebhookEndpointDisabled(BaseModel):
    """``<service>.webhook.endpoint_disabled``: the relay disabled an endpoint (it answered 410
    Gone, or a delivery's retry schedule was spent); nothing is delivered to it until someone
    re-enables it (``PATCH /v1/webhooks/{id}``). Platform admins are told (the console)."""

    endpoint_id: UUID
    owner_client_id: str = Field(description="The API client that subscribed it.")
    owner_role: str
    owner_org_id: UUID | None = Field(description="Its organisation, for org-bound owners.")
    description: str | None
    reason: str = Field(description="`endpoint answered 410 Gone` or `retry schedule spent`.")
    last_error: str | None = Field(
        description="The failing attempt's outcome: `http 500`, or a category such as `timeout`."
    )
