"""The OpenAPI document every service publishes, finished centrally so the three agree.

FastAPI builds the document from the routes; this module then:

- replaces FastAPI's 422 schema by the problem document we send and declares 400, 415 and 429;
- gives every component a plain, stable name (``ApplicationOutPage``, not ``Page_ApplicationOut_``)
  and rewrites the references to it;
- writes the OAuth2 scheme (every scope with its meaning, ``tokenUrl`` at the issuer) and, per
  operation, who may call it: in words in the description and in its ``security`` entry, read
  from the same ``require_roles`` dependency that enforces it;
- sets ``servers`` from the public URL setting;
- puts a request example on every operation with a JSON body and a response example on its
  success answer (``kopmod_shared.openapi_examples``).
"""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, routing
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from kopmod_shared.auth import (
    ROLE_MEANINGS,
    SCOPES,
    Role,
    RoleRule,
    current_principal,
    optional_principal,
)
from kopmod_shared.errors import PROBLEM_JSON, FieldError, Problem
from kopmod_shared.openapi_examples import example_for
from kopmod_shared.pagination import MAX_LIMIT

SCHEME = "OAuth2ClientCredentials"
PLAIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_PROBLEM_CONTENT = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}

_BAD_REQUEST_RESPONSE = {
    "description": "The body could not be parsed (malformed JSON or multipart)",
    "content": _PROBLEM_CONTENT,
}
_UNSUPPORTED_MEDIA_RESPONSE = {
    "description": "The body was sent with a content type this operation does not take",
    "content": _PROBLEM_CONTENT,
}
_RATE_LIMIT_HEADER = {"schema": {"type": "integer"}}
_RATE_LIMITED_RESPONSE = {
    "description": "Too many requests from this client in the current window; retry later",
    "headers": {
        "Retry-After": {"description": "Seconds to wait.", **_RATE_LIMIT_HEADER},
        "RateLimit-Limit": {"description": "Requests per window.", **_RATE_LIMIT_HEADER},
        "RateLimit-Remaining": {"description": "Left in this window.", **_RATE_LIMIT_HEADER},
        "RateLimit-Reset": {"description": "Seconds until the window ends.", **_RATE_LIMIT_HEADER},
    },
    "content": _PROBLEM_CONTENT,
}


def _page_size_in_schema(param: dict[str, Any], max_page_size: int) -> None:
    """The documented ``limit`` maximum follows the configured page size."""
    schema = param.get("schema") or {}
    if (
        param.get("name") == "limit"
        and param.get("in") == "query"
        and schema.get("maximum") == MAX_LIMIT
        and max_page_size != MAX_LIMIT
    ):
        schema["maximum"] = max_page_size
        param["description"] = f"Page size, at most {max_page_size}."


# --- component names ------------------------------------------------------------------------


def plain_name(name: str) -> str:
    """A plain identifier for a name pydantic or FastAPI made up.

    ``EligibilityRules-Input`` -> ``EligibilityRulesInput``, ``Body_identity-token`` ->
    ``BodyIdentityToken``. A module path (``financing__products__schemas__ScheduleOut``: two
    models share a class name) is left alone on purpose: the name test then fails and the
    class gets renamed where it is defined.
    """
    if PLAIN_NAME.match(name) or "__" in name:
        return name
    parts = [p for p in re.split(r"[^A-Za-z0-9]+", name) if p]
    return "".join(p[0].upper() + p[1:] for p in parts)


def _rewrite_refs(node: Any, renames: dict[str, str]) -> None:
    prefix = "#/components/schemas/"
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix) :] in renames:
            node["$ref"] = prefix + renames[ref[len(prefix) :]]
        for value in node.values():
            _rewrite_refs(value, renames)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, renames)


def _plain_component_names(schema: dict[str, Any]) -> None:
    components = schema.get("components", {}).get("schemas", {})
    titles: dict[str, list[str]] = {}
    for name, value in components.items():
        title = value.get("title") if isinstance(value, dict) else None
        if isinstance(title, str):
            titles.setdefault(title, []).append(name)
    renames: dict[str, str] = {}
    for name, value in components.items():
        if PLAIN_NAME.match(name):
            continue
        title = value.get("title") if isinstance(value, dict) else None
        # A generic's title is the name its class gave it (``Page.model_parametrized_name``).
        if (
            isinstance(title, str)
            and PLAIN_NAME.match(title)
            and len(titles[title]) == 1
            and title not in components
        ):
            renames[name] = title
        elif plain_name(name) != name:
            renames[name] = plain_name(name)
    if not renames:
        return
    clash = set(renames.values()) & (set(components) - set(renames))
    if clash or len(set(renames.values())) != len(renames):
        raise RuntimeError(f"component names clash after making them plain: {sorted(clash)}")
    schema["components"]["schemas"] = {renames.get(k, k): v for k, v in components.items()}
    # Generators name models by `title`: the input and output forms of one model share it.
    for new in renames.values():
        value = schema["components"]["schemas"][new]
        if isinstance(value, dict) and len(titles.get(value.get("title", ""), [])) > 1:
            value["title"] = new
    _rewrite_refs(schema, renames)


# --- who may call ---------------------------------------------------------------------------


def _walk(dependant: Dependant) -> list[Any]:
    calls = [dependant.call]
    for sub in dependant.dependencies:
        calls.extend(_walk(sub))
    return calls


def access_of(route: Any) -> tuple[str, RoleRule | None]:
    """``("roles", rule)``, ``("authenticated", None)``, ``("optional", None)`` or
    ``("public", None)``: what the route's dependencies demand of the caller."""
    calls = _walk(route.dependant)
    rules = [c.kopmod_access for c in calls if hasattr(c, "kopmod_access")]
    if rules:
        roles = frozenset.intersection(*(r.roles for r in rules))
        scopes = frozenset().union(*(r.scopes for r in rules))
        return "roles", RoleRule(roles=roles, scopes=scopes)
    if current_principal in calls:
        return "authenticated", None
    if optional_principal in calls:
        return "optional", None
    return "public", None


_ROLE_ORDER = list(Role)


def who_may_call(kind: str, rule: RoleRule | None) -> str:
    if kind == "public":
        return "**Who may call:** anyone; no token needed."
    if kind == "optional":
        return (
            "**Who may call:** anyone; no token needed. With a token the answer may include "
            "what the caller's role and organisation may see."
        )
    if kind == "authenticated" or rule is None:
        return (
            "**Who may call:** any authenticated caller; what it may see or change is narrowed "
            "by its role and organisation."
        )
    roles = sorted(rule.roles, key=_ROLE_ORDER.index)
    names = ", ".join(f"`{r.value}` ({ROLE_MEANINGS[r]})" for r in roles)
    text = f"**Who may call:** {names}."
    if Role.partner in rule.roles and rule.scopes:
        scopes = ", ".join(f"`{s}`" for s in sorted(rule.scopes))
        text += f" A `partner` token needs scope {scopes}."
    return text


def _security(kind: str, rule: RoleRule | None) -> list[dict[str, list[str]]] | None:
    if kind == "public":
        return None
    if kind == "optional":
        return [{}, {SCHEME: []}]
    scopes = sorted(rule.scopes) if rule and Role.partner in rule.roles else []
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown:
        raise RuntimeError(f"scopes {unknown} are not in kopmod_shared.auth.SCOPES")
    return [{SCHEME: scopes}]


def _annotate_access(app: FastAPI, schema: dict[str, Any]) -> None:
    # Included routers are resolved lazily (FastAPI >= 0.165): walk the effective routes, as
    # FastAPI's own document builder does.
    for context in routing.iter_route_contexts(app.routes):
        if not isinstance(context.original_route, APIRoute):
            continue
        route: Any = context
        if not route.include_in_schema:
            continue
        path_item = schema.get("paths", {}).get(route.path_format, {})
        kind, rule = access_of(route)
        for method in route.methods:
            op = path_item.get(method.lower())
            if op is None:
                continue
            text = who_may_call(kind, rule)
            description = op.get("description", "")
            op["description"] = f"{description}\n\n{text}" if description else text
            security = _security(kind, rule)
            if security is None:
                op.pop("security", None)
            else:
                op["security"] = security
            if rule is not None:
                op["x-roles"] = [r.value for r in sorted(rule.roles, key=_ROLE_ORDER.index)]


def _oauth_scheme(schema: dict[str, Any], token_url: str) -> None:
    schemes = schema.setdefault("components", {}).setdefault("securitySchemes", {})
    scheme = schemes.get(SCHEME)
    if scheme is None:
        return
    scheme["flows"]["clientCredentials"] = {"tokenUrl": token_url, "scopes": dict(SCOPES)}
    scheme["description"] = (
        f"OAuth2 client credentials: POST your client id and secret to the registry's token "
        f"endpoint (`{token_url}`) and send the returned JWT as `Authorization: Bearer <token>`. "
        "A client has one role (the operation descriptions say which roles may call them); "
        "scopes narrow what a `partner` client may do."
    )


# --- examples -------------------------------------------------------------------------------


def _add_examples(schema: dict[str, Any]) -> None:
    components = schema.get("components", {}).get("schemas", {})
    for path_item in schema.get("paths", {}).values():
        for op in path_item.values():
            if not isinstance(op, dict):
                continue
            media = (op.get("requestBody") or {}).get("content", {}).get("application/json")
            if media is not None and "example" not in media and "examples" not in media:
                media["example"] = example_for(media["schema"], components)
            for status, response in op.get("responses", {}).items():
                if not str(status).startswith("2") or "content" not in response:
                    continue
                out = response["content"].get("application/json")
                if out and "schema" in out and "example" not in out and "examples" not in out:
                    out["example"] = example_for(out["schema"], components)


# --- the whole document ---------------------------------------------------------------------


def _own_url(settings: Any) -> str:
    if settings.public_url:
        return str(settings.public_url).rstrip("/")
    own = getattr(settings, f"{settings.service_name}_url", None)
    return str(own).rstrip("/") if own else ""


def build_openapi(app: FastAPI) -> dict[str, Any]:
    settings = app.state.settings
    schema = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
        tags=app.openapi_tags,
    )
    url = _own_url(settings)
    if url:
        schema["servers"] = [{"url": url, "description": f"{settings.service_name} service"}]
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    components.pop("$defs", None)
    problem_defs = components["Problem"].pop("$defs", {})
    components.update(problem_defs)
    components.setdefault("FieldError", FieldError.model_json_schema())
    # FastAPI's own 422 schema is replaced by the problem document we actually send.
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    if settings.rate_limit_enabled:
        schema["components"].setdefault("responses", {})["RateLimited"] = _RATE_LIMITED_RESPONSE
    for path, path_item in schema.get("paths", {}).items():
        for op in path_item.values():
            if not isinstance(op, dict):
                continue
            responses = op.setdefault("responses", {})
            if "requestBody" in op:
                # A body that cannot be parsed at all (broken JSON or multipart) is a 400; one in
                # a content type the operation does not take is a 415 (docs/limits.md).
                responses.setdefault("400", _BAD_REQUEST_RESPONSE)
                responses.setdefault("415", _UNSUPPORTED_MEDIA_RESPONSE)
            if path.startswith("/v1/") and settings.rate_limit_enabled:
                responses.setdefault("429", {"$ref": "#/components/responses/RateLimited"})
            for param in op.get("parameters", []):
                _page_size_in_schema(param, settings.max_page_size)
            resp = responses.get("422")
            if resp is not None:
                resp["description"] = "Request is not valid: `errors` lists each field"
                resp["content"] = dict(_PROBLEM_CONTENT)
    _plain_component_names(schema)
    _oauth_scheme(schema, settings.token_url)
    _annotate_access(app, schema)
    _add_examples(schema)
    return schema


def customise_openapi(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if not app.openapi_schema:
            app.openapi_schema = build_openapi(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
