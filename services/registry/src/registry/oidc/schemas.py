"""Wire shapes of the OpenID Connect provider: client registration and userinfo."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _absolute_uri(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.fragment:
        raise ValueError("an absolute http(s) URI without a fragment (RFC 6749 3.1.2)")
    if parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
        raise ValueError("plain http only for a loopback address (RFC 8252 7.3)")
    return value


RedirectUri = Annotated[str, Field(max_length=500), AfterValidator(_absolute_uri)]


class OidcClientCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200, examples=["kopmod console"])
    client_id: str = Field(pattern=r"^[a-z0-9][a-z0-9_.-]{2,99}$", examples=["kopmod-console"])
    confidential: bool = Field(
        description="True: a server-side application with a secret (the console). False: a "
        "public client (a mobile app) that proves itself with PKCE only."
    )
    redirect_uris: list[RedirectUri] = Field(min_length=1, max_length=20)
    post_logout_redirect_uris: list[RedirectUri] = Field(default_factory=list, max_length=20)


class OidcClientOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: UUID
    client_id: str
    name: str
    confidential: bool
    redirect_uris: list[str]
    post_logout_redirect_uris: list[str]
    active: bool
    created_at: datetime


class OidcClientWithSecret(OidcClientOut):
    client_secret: str | None = Field(
        description="A confidential client's secret, shown once, now; null for a public client."
    )


class OidcClientUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    redirect_uris: list[RedirectUri] | None = Field(default=None, min_length=1, max_length=20)
    post_logout_redirect_uris: list[RedirectUri] | None = Field(default=None, max_length=20)
    active: bool | None = None


class UserInfo(BaseModel):
    sub: str
    name: str | None = None
    email: str | None = None
    email_verified: bool | None = None
    locale: str | None = None
    role: str
    org: str | None = None
