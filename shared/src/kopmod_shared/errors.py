"""One error hierarchy for the platform, rendered as RFC 9457 ``application/problem+json``.

Services raise these; the handlers installed by :func:`install_error_handlers` render them.
The typed clients turn a problem+json answer back into the same exception class
(:func:`problem_from_response`), so an error crosses service boundaries unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, ClassVar

import asyncpg
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://kopmod.dev/problems/"

log = logging.getLogger("kopmod.errors")


class FieldError(BaseModel):
    """One offending input field."""

    field: str = Field(description="Dotted path of the field, e.g. `body.member_groups.0.share`.")
    message: str
    code: str = Field(description="Machine-readable reason, e.g. `missing`, `nib_format`.")


class Problem(BaseModel):
    """RFC 9457 problem details, as every kopmod service answers errors."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(description="URI naming the kind of problem; stable, machine-readable.")
    title: str = Field(description="Short human summary of the kind of problem.")
    status: int
    detail: str | None = Field(default=None, description="What went wrong in this case.")
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[FieldError] | None = Field(
        default=None, description="Offending fields, for validation problems."
    )


class ProblemError(Exception):
    """Base of every error a kopmod service answers on purpose."""

    status: ClassVar[int] = 500
    slug: ClassVar[str] = "internal-error"
    title: ClassVar[str] = "Internal error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = headers or {}
        self.extra = extra

    @classmethod
    def type_uri(cls) -> str:
        return PROBLEM_BASE + cls.slug

    def to_problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type_uri(),
            "title": self.title,
            "status": self.status,
        }
        if self.detail:
            body["detail"] = self.detail
        if instance:
            body["instance"] = instance
        if self.errors:
            body["errors"] = [e.model_dump() for e in self.errors]
        body.update(self.extra)
        return body


class BadRequest(ProblemError):
    status, slug, title = 400, "bad-request", "Bad request"


class MalformedBody(BadRequest):
    slug, title = "malformed-body", "The request body could not be parsed"


class Unauthorized(ProblemError):
    status, slug, title = 401, "unauthorized", "Authentication required"

    def __init__(self, detail: str | None = None, **kw: Any) -> None:
        headers = kw.pop("headers", None) or {}
        error = kw.pop("error", "invalid_token")
        headers.setdefault(
            "WWW-Authenticate",
            f'Bearer realm="kopmod", error="{error}"'
            + (f', error_description="{detail}"' if detail else ""),
        )
        super().__init__(detail, headers=headers, **kw)


class Forbidden(ProblemError):
    status, slug, title = 403, "forbidden", "Not allowed"


class NotFound(ProblemError):
    status, slug, title = 404, "not-found", "Not found"


class MethodNotAllowed(ProblemError):
    status, slug, title = 405, "method-not-allowed", "Method not allowed"


class Conflict(ProblemError):
    status, slug, title = 409, "conflict", "Conflict with the current state"


class InvalidTransition(Conflict):
    slug, title = "invalid-transition", "Transition not allowed from the current state"

    def __init__(self, current: str, attempted: str, allowed: Sequence[str]) -> None:
        super().__init__(
            f"cannot {attempted} while {current}; allowed next: {', '.join(allowed) or 'none'}",
            current_state=current,
            attempted=attempted,
            allowed=list(allowed),
        )


class IdempotencyInProgress(Conflict):
    slug, title = "idempotency-in-progress", "A request with this Idempotency-Key is in progress"


class PayloadTooLarge(ProblemError):
    status, slug, title = 413, "payload-too-large", "Request body too large"


class UnsupportedMediaType(ProblemError):
    status, slug, title = 415, "unsupported-media-type", "Unsupported media type"


class ValidationProblem(ProblemError):
    status, slug, title = 422, "validation-error", "Request is not valid"

    @classmethod
    def for_field(cls, field: str, message: str, code: str = "invalid") -> ValidationProblem:
        return cls(message, errors=[FieldError(field=field, message=message, code=code)])


class IdempotencyKeyReused(ValidationProblem):
    slug, title = "idempotency-key-reused", "Idempotency-Key reused with a different request"


class BusinessRuleViolation(ProblemError):
    """A well-formed request that a business rule refuses (422)."""

    status, slug, title = 422, "business-rule", "Refused by a business rule"


class RateLimited(ProblemError):
    status, slug, title = 429, "rate-limited", "Too many requests"


class UpstreamError(ProblemError):
    status, slug, title = 502, "upstream-error", "A service this request depends on failed"


class ServiceUnavailable(ProblemError):
    status, slug, title = 503, "service-unavailable", "Service unavailable"


class UpstreamUnavailable(ServiceUnavailable):
    slug, title = "upstream-unavailable", "A service this request depends on is unavailable"


def _all_subclasses(cls: type[ProblemError]) -> list[type[ProblemError]]:
    out: list[type[ProblemError]] = []
    for sub in cls.__subclasses__():
        out.append(sub)
        out.extend(_all_subclasses(sub))
    return out


def problem_class_for(type_uri: str | None, status: int) -> type[ProblemError]:
    """The exception class for a problem ``type`` (falling back to the status)."""
    classes = _all_subclasses(ProblemError)
    if type_uri:
        for cls in classes:
            if cls.type_uri() == type_uri:
                return cls
    for cls in classes:
        if cls.status == status and cls.__bases__[0] is ProblemError:
            return cls
    return UpstreamError if status >= 500 else BadRequest


def problem_response(
    exc: ProblemError, instance: str | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        exc.to_problem(instance),
        status_code=exc.status,
        media_type=PROBLEM_JSON,
        headers={**exc.headers, **(headers or {})},
    )


def _loc_to_field(loc: Sequence[Any]) -> str:
    return ".".join(str(p) for p in loc)


def validation_problem(errors: Sequence[Any]) -> ValidationProblem:
    fields = []
    for err in errors:
        msg = str(err.get("msg", "invalid"))
        if msg.startswith("Value error, "):
            msg = msg[len("Value error, ") :]
        fields.append(
            FieldError(
                field=_loc_to_field(err.get("loc", ())),
                message=msg,
                code=str(err.get("type", "invalid")),
            )
        )
    names = ", ".join(f.field for f in fields[:5])
    return ValidationProblem(f"invalid fields: {names}", errors=fields)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _expected_media_type(request: Request) -> str | None:
    """What the matched route's body is declared as (None: no body)."""
    route = request.scope.get("route")
    field = getattr(route, "body_field", None)
    if field is None:
        return None
    return str(getattr(field.field_info, "media_type", "application/json"))


def _takes(expected: str, sent: str) -> bool:
    if expected == "application/json":
        return sent == "application/json" or sent.endswith("+json")
    # Form routes take both form encodings (FastAPI parses either).
    return sent in ("application/x-www-form-urlencoded", "multipart/form-data")


def _request_problem(request: Request, errors: Sequence[Any]) -> ProblemError:
    """A broken body is a 400, a body in a content type the route does not take a 415, and
    anything else the 422 naming each field (docs/limits.md)."""
    for err in errors:
        if err.get("type") == "json_invalid":
            reason = (err.get("ctx") or {}).get("error") or "not valid JSON"
            return MalformedBody(f"the body is not valid JSON: {reason}")
    expected = _expected_media_type(request)
    sent = _media_type(request)
    if (
        expected is not None
        and sent
        and not _takes(expected, sent)
        and any(tuple(e.get("loc", ()))[:1] == ("body",) for e in errors)
    ):
        return UnsupportedMediaType(f"send the body as {expected}, not {sent}")
    return validation_problem(errors)


_UNAVAILABLE: tuple[type[BaseException], ...] = (
    asyncpg.exceptions.PostgresConnectionError,  # connection lost or refused by the server
    asyncpg.exceptions.OperatorInterventionError,  # shutting down, starting up, admin shutdown
    asyncpg.exceptions.InterfaceError,  # the connection was closed under the query
    DisconnectionError,
    PoolTimeout,  # every pooled connection busy or being re-established
)


def _raised_in_asyncpg(exc: BaseException) -> bool:
    tb = exc.__traceback__
    while tb is not None:
        if str(tb.tb_frame.f_globals.get("__name__", "")).startswith("asyncpg"):
            return True
        tb = tb.tb_next
    return False


def database_unavailable(exc: BaseException) -> bool:
    """Whether ``exc`` (or what caused it) means the database cannot be reached right now."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, _UNAVAILABLE):
            return True
        # Refused, reset, no socket file, connect timeout: only when asyncpg was connecting.
        if isinstance(current, (OSError, TimeoutError)) and _raised_in_asyncpg(current):
            return True
        current = current.__cause__ or current.__context__
    return False


# SQLSTATEs of text the database cannot store: character_not_in_repertoire (a NUL byte in a UTF-8
# string), untranslatable_character.
TEXT_NOT_STORABLE = frozenset({"22021", "22P05"})


def _sqlstate(exc: BaseException) -> str | None:
    orig = getattr(exc, "orig", None)
    for candidate in (orig, getattr(orig, "__cause__", None), exc):
        state = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(state, str):
            return state
    return None


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem_response(_request_problem(request, exc.errors()), request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        cls: type[ProblemError] = {
            404: NotFound,
            405: MethodNotAllowed,
            401: Unauthorized,
            413: PayloadTooLarge,
            415: UnsupportedMediaType,
        }.get(exc.status_code, BadRequest)
        problem = cls(str(exc.detail) if exc.detail else None)
        problem_dict = problem.to_problem(request.url.path)
        problem_dict["status"] = exc.status_code
        return JSONResponse(
            problem_dict,
            status_code=exc.status_code,
            media_type=PROBLEM_JSON,
            headers=dict(exc.headers or {}),
        )

    async def _database(request: Request, exc: Exception) -> JSONResponse:
        if _sqlstate(exc) in TEXT_NOT_STORABLE:
            # Text Postgres cannot store (a NUL character): the caller's input, not our bug.
            return problem_response(
                ValidationProblem.for_field(
                    "body", "text must not contain NUL (\\u0000) characters", "nul_character"
                ),
                request.url.path,
            )
        if not database_unavailable(exc):
            raise exc  # a real bug: the 500 handler below logs it
        log.warning(
            "database unavailable: %s", type(exc).__name__, extra={"path": request.url.path}
        )
        problem = ServiceUnavailable("database unavailable; retry shortly")
        response = problem_response(problem, request.url.path)
        response.headers["Retry-After"] = "1"
        return response

    for cls in (DBAPIError, DisconnectionError, PoolTimeout, OSError, TimeoutError):
        app.add_exception_handler(cls, _database)

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> JSONResponse:
        # Logged with its traceback for operators; the caller never sees internals.
        log.exception("unhandled error", extra={"path": request.url.path})
        return problem_response(ProblemError("An unexpected error occurred."), request.url.path)


def responses(*classes: type[ProblemError]) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses=`` for routes: every listed problem, with the problem schema."""
    out: dict[int | str, dict[str, Any]] = {}
    for cls in classes:
        entry = out.setdefault(
            cls.status,
            {
                "description": cls.title,
                "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
            },
        )
        if cls.title not in entry["description"]:
            entry["description"] += f"; {cls.title}"
    return out


# What every authenticated route can answer.
AUTH_ERRORS = (Unauthorized, Forbidden)
