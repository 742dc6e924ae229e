"""Token verification and the caller's identity (principal).

Every service verifies bearer JWTs itself from the issuer's published keys (JWKS), cached and
refreshed when an unknown key id appears, so a real identity provider can replace the registry's
built-in issuer by configuration alone (issuer, JWKS URL, audience).
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Protocol
from uuid import UUID

import httpx
import jwt
from fastapi import Depends, Request
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlows
from fastapi.security import OAuth2

from kopmod_shared.errors import Forbidden, Unauthorized

ALGORITHMS = ["EdDSA", "RS256", "ES256"]


class Role(StrEnum):
    admin = "admin"  # platform operator
    ministry = "ministry"  # registry officer (ministry or provincial office)
    fund_officer = "fund_officer"
    fund_committee = "fund_committee"
    cooperative = "cooperative"  # bound to one cooperative id
    offtaker = "offtaker"  # bound to one offtaker id
    partner = "partner"  # integration with explicit scopes
    service = "service"  # service-to-service


# What each role is, in the words the OpenAPI documents use (``kopmod_shared.openapi``).
ROLE_MEANINGS: dict[Role, str] = {
    Role.admin: "platform operator",
    Role.ministry: "registry officer of the ministry or a provincial office",
    Role.fund_officer: "fund officer (day-to-day lending and servicing)",
    Role.fund_committee: "fund committee (approvals, products, treasury)",
    Role.cooperative: "a cooperative, acting for its own organisation only",
    Role.offtaker: "an offtaker, acting for its own organisation only",
    Role.partner: "a partner integration, limited to the scopes its client was granted",
    Role.service: "another kopmod service",
}

# Every scope a client may be granted, with its meaning. Scopes only matter for ``partner``
# clients; the OpenAPI documents list these in the OAuth2 scheme, and an operation naming a scope
# missing here fails the document build.
SCOPES: dict[str, str] = {
    "registry:read": "Read full cooperative records (members, RATs, assessments) in the registry.",
    "registry:write": "Register and change cooperatives in the registry (implies registry:read).",
    "registry:restructure": "Record mergers, fusions and spin-offs of cooperatives.",
    "applications:read": "Read every financing application and its documents' metadata.",
    "repayments": "Record repayments on loans (and read the loans they are booked on).",
    "funds:read": "Read funds, their balances and journal entries.",
    "marketplace:read": "Read offers, demands, proposals, contracts and offtakers.",
    "marketplace:match": "Start matching runs in the marketplace.",
}

# Roles whose tokens must carry the id of the organisation they act for.
ORG_BOUND_ROLES = frozenset({Role.cooperative, Role.offtaker})


@dataclass(frozen=True)
class Principal:
    client_id: str
    role: Role
    org_id: UUID | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)
    claims: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def has_scope(self, scope: str) -> bool:
        return scope in self.scopes

    def is_org(self, role: Role, org_id: UUID | None) -> bool:
        """True when this principal acts for exactly that organisation in that role."""
        return self.role is role and self.org_id is not None and self.org_id == org_id

    @property
    def person(self) -> str | None:
        """The person's id when a person signed in (an OpenID Connect sign-in: the token
        carries ``amr``, how they authenticated); None for a machine client."""
        return self.client_id if "amr" in self.claims else None

    @property
    def via_client(self) -> str:
        """The application the call comes through: the OAuth client of a person's token
        (``client_id``, or ``azp`` as Keycloak writes it), the client itself otherwise."""
        return str(self.claims.get("client_id") or self.claims.get("azp") or self.client_id)

    @property
    def actor(self) -> str:
        """Who is acting, for four eyes and audit: the person when a person signed in (the
        same person through any client), the client otherwise. The one comparison every
        maker-checker rule uses (:func:`same_actor`)."""
        return self.person or self.client_id


def same_actor(principal: Principal, recorded: str | None) -> bool:
    """True when ``recorded`` (a maker's, reviewer's or proposer's recorded actor) is the
    caller: four eyes compares persons when a person signed in, so one person cannot be maker
    and checker through two clients, and two people sharing a client stay two."""
    return recorded is not None and recorded == principal.actor


class KeySource(Protocol):
    async def get_key(self, kid: str | None) -> jwt.PyJWK: ...


class JWKSKeySource:
    """Keys fetched from a JWKS URL, cached; an unknown ``kid`` triggers one refresh."""

    def __init__(
        self,
        url: str,
        client: httpx.AsyncClient,
        cache_seconds: int = 300,
        min_refresh_seconds: float = 5.0,
    ) -> None:
        self.url = url
        self.client = client
        self.cache_seconds = cache_seconds
        self.min_refresh_seconds = min_refresh_seconds
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()

    async def _refresh(self) -> None:
        try:
            resp = await self.client.get(self.url, timeout=5.0)
            resp.raise_for_status()
            jwks = jwt.PyJWKSet.from_dict(resp.json())
        except (httpx.HTTPError, jwt.PyJWKSetError, ValueError) as exc:
            raise Unauthorized("token keys are unavailable", error="invalid_token") from exc
        self._keys = {k.key_id: k for k in jwks.keys if k.key_id}
        self._fetched_at = time.monotonic()

    async def get_key(self, kid: str | None) -> jwt.PyJWK:
        if kid is None:
            raise Unauthorized("token has no key id")
        age = time.monotonic() - self._fetched_at
        if kid in self._keys and age < self.cache_seconds:
            return self._keys[kid]
        async with self._lock:
            age = time.monotonic() - self._fetched_at
            stale = age >= self.cache_seconds
            if stale or (kid not in self._keys and age >= self.min_refresh_seconds):
                await self._refresh()
        if kid not in self._keys:
            raise Unauthorized("token signed with an unknown key")
        return self._keys[kid]


class StaticKeySource:
    """Keys known in process (the issuer verifying its own tokens)."""

    def __init__(self, jwks: Callable[[], dict[str, Any]]) -> None:
        self._jwks = jwks

    async def get_key(self, kid: str | None) -> jwt.PyJWK:
        for key in jwt.PyJWKSet.from_dict(self._jwks()).keys:
            if key.key_id == kid:
                return key
        raise Unauthorized("token signed with an unknown key")


class DenyListLike(Protocol):
    async def refuses(self, claims: dict[str, Any]) -> bool: ...


class TokenVerifier:
    """Verifies bearer tokens; a token verified once is remembered until it expires.

    With a ``deny_list`` (:class:`kopmod_shared.revocation.DenyList`), a token whose subject was
    revoked after it was issued is refused, cached or not.

    The cache is keyed by the whole token string (signature included), so a hit is the very
    token whose signature, issuer, audience and claims were checked; it ends at the token's
    ``exp`` (plus the leeway ``jwt.decode`` allows). Least recently used entries go first beyond
    ``cache_size``. This spares an Ed25519 verification on every request of a client that
    reuses its token, as clients do.
    """

    def __init__(
        self,
        *,
        issuer: str,
        audience: str,
        keys: KeySource,
        leeway: int = 30,
        cache_size: int = 4096,
        deny_list: DenyListLike | None = None,
    ) -> None:
        self.deny_list = deny_list
        self.issuer = issuer
        self.audience = audience
        self.keys = keys
        self.leeway = leeway
        self.cache_size = cache_size
        self._verified: OrderedDict[str, tuple[float, Principal]] = OrderedDict()

    async def verify(self, token: str) -> Principal:
        principal = await self._verify_cached(token)
        if self.deny_list is not None and await self.deny_list.refuses(principal.claims):
            raise Unauthorized("token has been revoked")
        return principal

    async def _verify_cached(self, token: str) -> Principal:
        hit = self._verified.get(token)
        if hit is not None:
            if time.time() < hit[0]:
                self._verified.move_to_end(token)
                return hit[1]
            del self._verified[token]
        principal = await self._verify(token)
        exp = principal.claims.get("exp")
        if self.cache_size > 0 and isinstance(exp, int | float):
            self._verified[token] = (float(exp) + self.leeway, principal)
            while len(self._verified) > self.cache_size:
                self._verified.popitem(last=False)
        return principal

    async def _verify(self, token: str) -> Principal:
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise Unauthorized("malformed token") from exc
        if header.get("alg") not in ALGORITHMS:
            raise Unauthorized("token algorithm not accepted")
        key = await self.keys.get_key(header.get("kid"))
        try:
            claims = jwt.decode(
                token,
                key=key,
                algorithms=ALGORITHMS,
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise Unauthorized("token expired") from exc
        except jwt.InvalidAudienceError as exc:
            raise Unauthorized("token not issued for this service") from exc
        except jwt.InvalidTokenError as exc:
            raise Unauthorized("token is not valid") from exc
        return principal_from_claims(claims)


def principal_from_claims(claims: dict[str, Any]) -> Principal:
    try:
        role = Role(claims.get("role", ""))
    except ValueError as exc:
        raise Unauthorized("token carries an unknown role") from exc
    org_raw = claims.get("org")
    try:
        org_id = UUID(str(org_raw)) if org_raw else None
    except ValueError as exc:
        raise Unauthorized("token carries a malformed organisation id") from exc
    if role in ORG_BOUND_ROLES and org_id is None:
        raise Unauthorized("token of an organisation role without an organisation")
    scope = claims.get("scope") or ""
    return Principal(
        client_id=str(claims["sub"]),
        role=role,
        org_id=org_id,
        scopes=frozenset(str(scope).split()),
        claims=claims,
    )


_SCHEME_NAME = "OAuth2ClientCredentials"
_SCHEME_DESCRIPTION = (
    "OAuth2 client credentials: POST your client id and secret to the registry's "
    "`/v1/oauth/token` and send the returned JWT as `Authorization: Bearer <token>`."
)


class _CallerScheme(OAuth2):
    """The OAuth2 scheme of the OpenAPI documents, which also resolves the caller.

    Each instance is one route dependency that reads the bearer token, verifies it (cached by
    :class:`TokenVerifier`), keeps the principal on ``request.state`` for the request, and
    checks what the instance demands. Being the security scheme itself, it puts the OAuth2
    scheme in the OpenAPI documents as the plain scheme under the principal did, but FastAPI
    resolves one dependant per check instead of a chain of four (role check, current principal,
    optional principal, scheme): on a write of a few milliseconds each dependant's resolution
    counts (docs/performance.md, "One dependant per check").
    """

    def __init__(self) -> None:
        super().__init__(
            flows=OAuthFlows(
                clientCredentials=OAuthFlowClientCredentials(tokenUrl="/v1/oauth/token")
            ),
            scheme_name=_SCHEME_NAME,
            description=_SCHEME_DESCRIPTION,
            auto_error=False,
        )

    async def __call__(self, request: Request) -> Any:  # type: ignore[override]
        return await resolve_principal(request)


async def resolve_principal(request: Request) -> Principal | None:
    """The caller of ``request`` from its bearer token (verified once per request, then kept
    on ``request.state``); None without an ``Authorization`` header; 401 for a malformed or
    invalid one."""
    cached: Principal | None = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    authorization = request.headers.get("authorization")
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise Unauthorized("expected a Bearer token", error="invalid_request")
    verifier: TokenVerifier = request.app.state.token_verifier
    principal = await verifier.verify(token.strip())
    request.state.principal = principal
    return principal


class _Authenticated(_CallerScheme):
    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal = await resolve_principal(request)
        if principal is None:
            raise Unauthorized("a bearer token is required", error="invalid_request")
        return principal


# The caller or None (no token); 401 for a bad token.
optional_principal = _CallerScheme()
# The caller; 401 without a token or with a bad one.
current_principal = _Authenticated()

PrincipalDep = Annotated[Principal, Depends(current_principal)]
OptionalPrincipalDep = Annotated[Principal | None, Depends(optional_principal)]


class _RoleCheck(_Authenticated):
    """The dependency :func:`require_roles` returns (one dependant, see :class:`_CallerScheme`)."""

    def __init__(self, roles: frozenset[Role], scopes: frozenset[str]) -> None:
        super().__init__()
        self.roles = roles
        self.scopes = scopes
        # Read back by the OpenAPI build, which writes each operation's `security` and "who may
        # call" from the same values the check enforces.
        self.kopmod_access = RoleRule(roles=roles, scopes=scopes)

    async def __call__(self, request: Request) -> Principal:  # type: ignore[override]
        principal = await super().__call__(request)
        if principal.role not in self.roles:
            raise Forbidden(f"role {principal.role.value} may not do this")
        if principal.role is Role.partner and not self.scopes <= principal.scopes:
            missing = ", ".join(sorted(self.scopes - principal.scopes))
            raise Forbidden(f"partner token lacks scope: {missing}")
        return principal


def require_roles(
    *roles: Role, scopes: Iterable[str] = ()
) -> Callable[[Request], Awaitable[Principal]]:
    """Dependency: the caller has one of ``roles``; a ``partner`` also needs every scope listed.

    ``admin`` passes only where it is listed: the platform operator runs API clients, webhooks
    and the audit trail, and is not the fund committee, a fund officer, a cooperative or an
    offtaker (separation of duties; docs/security.md lists what admin may do). The roles are
    kept on the dependency (``check.roles``, ``check.scopes``) so tests can list who may call
    each route.
    """
    return _RoleCheck(frozenset(roles), frozenset(scopes))


@dataclass(frozen=True)
class RoleRule:
    """Who a ``require_roles`` dependency lets through."""

    roles: frozenset[Role]
    scopes: frozenset[str]
