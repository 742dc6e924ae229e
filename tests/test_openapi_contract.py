"""The three OpenAPI documents are something a generator and a partner can live by.

Plain component names and operation ids, every scope listed with its meaning, ``tokenUrl`` at the
issuer, ``servers`` set, every operation saying who may call it, and examples on every body and
success answer, each valid against its own schema.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

import jsonschema_rs
import pytest

from kopmod_cli.services import REPO_ROOT, SERVICES
from kopmod_shared.auth import SCOPES
from kopmod_shared.openapi import PLAIN_NAME, plain_name

OPERATION_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
NAMES = list(SERVICES)


@cache
def document(name: str) -> dict[str, Any]:
    return json.loads((REPO_ROOT / "openapi" / f"{name}.json").read_text())


def operations(doc: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, item in doc["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict)
    ]


def bad_names(doc: dict[str, Any]) -> list[str]:
    bad = [n for n in doc["components"]["schemas"] if not PLAIN_NAME.match(n)]
    ids = [op.get("operationId", "") for _, _, op in operations(doc)]
    bad += [i for i in ids if not OPERATION_ID.match(i)]
    bad += [i for i in set(ids) if ids.count(i) > 1]
    # Generators name their models by `title`: two components with one title collide.
    titles = [s.get("title") for s in doc["components"]["schemas"].values() if s.get("title")]
    bad += sorted(f"title {t}" for t in set(titles) if titles.count(t) > 1)
    return bad


def invalid_examples(doc: dict[str, Any]) -> list[str]:
    """Every example that does not validate against the schema it sits next to."""
    out = []
    for path, method, op in operations(doc):
        places = [("request", (op.get("requestBody") or {}).get("content", {}))]
        places += [(status, r.get("content", {})) for status, r in op.get("responses", {}).items()]
        for where, content in places:
            for media_type, media in content.items():
                if "example" not in media:
                    continue
                root = {**media["schema"], "components": doc["components"]}
                validator = jsonschema_rs.validator_for(root, validate_formats=True)
                for err in validator.iter_errors(media["example"]):
                    out.append(f"{method.upper()} {path} {where} {media_type}: {err.message}")
    return out


def missing_examples(doc: dict[str, Any]) -> list[str]:
    out = []
    for path, method, op in operations(doc):
        body = (op.get("requestBody") or {}).get("content", {}).get("application/json")
        if body is not None and "example" not in body:
            out.append(f"{method.upper()} {path} request")
        for status, resp in op.get("responses", {}).items():
            media = resp.get("content", {}).get("application/json")
            if status.startswith("2") and media and "example" not in media:
                out.append(f"{method.upper()} {path} {status}")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_documents_are_current(name: str) -> None:
    from kopmod_cli.openapi import render

    assert json.loads(render(name)) == document(name), "run `uv run kopmod openapi`"


@pytest.mark.parametrize("name", NAMES)
def test_component_names_and_operation_ids_are_plain(name: str) -> None:
    assert bad_names(document(name)) == []


def test_the_name_check_fails_on_generated_and_module_path_names() -> None:
    doc = {
        "components": {"schemas": {"Page_ClientOut_": {}, "financing__x__ScheduleOut": {}}},
        "paths": {"/a": {"get": {"operationId": "identity_list-clients"}}},
    }
    assert bad_names(doc) == [
        "Page_ClientOut_",
        "financing__x__ScheduleOut",
        "identity_list-clients",
    ]
    assert plain_name("EligibilityRules-Input") == "EligibilityRulesInput"
    # A module path is never made "plain": two classes share a name and one must be renamed.
    assert plain_name("financing__products__schemas__ScheduleOut").count("__") == 3


@pytest.mark.parametrize("name", NAMES)
def test_oauth_scheme_lists_every_scope_and_points_at_the_issuer(name: str) -> None:
    doc = document(name)
    flow = doc["components"]["securitySchemes"]["OAuth2ClientCredentials"]["flows"]
    assert flow["clientCredentials"]["scopes"] == SCOPES
    assert all(len(meaning) > 20 for meaning in SCOPES.values())
    # Every document sends clients to the registry (the issuer), not to itself.
    assert flow["clientCredentials"]["tokenUrl"] == "http://127.0.0.1:8001/v1/oauth/token"
    own = {"registry": 8001, "financing": 8002, "marketplace": 8003}[name]
    assert doc["servers"] == [{"url": f"http://127.0.0.1:{own}", "description": f"{name} service"}]


@pytest.mark.parametrize("name", NAMES)
def test_every_operation_says_who_may_call_it(name: str) -> None:
    doc = document(name)
    for path, method, op in operations(doc):
        assert "**Who may call:**" in op.get("description", ""), f"{method} {path}"
        for requirement in op.get("security", []):
            assert set(requirement.get("OAuth2ClientCredentials", [])) <= set(SCOPES)
        if "x-roles" in op:
            assert op["security"] == [
                {"OAuth2ClientCredentials": op["security"][0]["OAuth2ClientCredentials"]}
            ]
            for role in op["x-roles"]:
                assert f"`{role}`" in op["description"]


def test_roles_and_scopes_in_the_documents_are_what_the_routes_enforce() -> None:
    doc = document("financing")
    repay = doc["paths"]["/v1/loans/{loan_id}/repayments"]["post"]
    assert repay["security"] == [{"OAuth2ClientCredentials": ["repayments"]}]
    assert repay["x-roles"] == ["fund_officer", "partner"]
    assert "A `partner` token needs scope `repayments`." in repay["description"]
    products = doc["paths"]["/v1/products"]["post"]
    assert products["x-roles"] == ["fund_committee"]
    assert products["security"] == [{"OAuth2ClientCredentials": []}]
    commodities = document("marketplace")["paths"]["/v1/commodities"]["get"]
    assert "no token needed" in commodities["description"]


@pytest.mark.parametrize("name", NAMES)
def test_every_body_and_success_answer_has_an_example(name: str) -> None:
    assert missing_examples(document(name)) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_example_is_valid_against_its_own_schema(name: str) -> None:
    assert invalid_examples(document(name)) == []


def test_the_example_check_fails_on_an_example_that_rotted() -> None:
    doc = json.loads(json.dumps(document("financing")))
    body = doc["paths"]["/v1/loans/{loan_id}/repayments"]["post"]["requestBody"]
    body["content"]["application/json"]["example"] = {"amount": "1e9"}
    assert [e for e in invalid_examples(doc) if "/repayments request" in e]


def bare_lists(doc: dict[str, Any]) -> list[str]:
    """Every GET whose success answer is a bare JSON array instead of the one Page envelope."""
    out = []
    for path, method, op in operations(doc):
        media = op.get("responses", {}).get("200", {}).get("content", {}).get("application/json")
        if method != "get" or not media:
            continue
        schema = media["schema"]
        ref = schema.get("$ref", "")
        if ref:
            schema = doc["components"]["schemas"][ref.rsplit("/", 1)[-1]]
        params = {p["name"] for p in op.get("parameters", []) if p.get("in") == "query"}
        if schema.get("type") == "array":
            out.append(f"GET {path}: a bare array")
        elif "next_cursor" in schema.get("properties", {}) and not {"limit", "cursor"} <= params:
            out.append(f"GET {path}: a page without `limit` and `cursor`")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_every_list_is_one_page_envelope(name: str) -> None:
    """One pagination style: `limit` + `cursor` in, `items` + `next_cursor` out."""
    assert bare_lists(document(name)) == []


def test_the_list_check_fails_on_a_bare_array() -> None:
    doc = json.loads(json.dumps(document("marketplace")))
    get = doc["paths"]["/v1/commodities"]["get"]
    get["responses"]["200"]["content"]["application/json"]["schema"] = {"type": "array"}
    assert bare_lists(doc) == ["GET /v1/commodities: a bare array"]
    doc = json.loads(json.dumps(document("marketplace")))
    get = doc["paths"]["/v1/commodities"]["get"]
    get["parameters"] = [p for p in get["parameters"] if p["name"] != "cursor"]
    assert bare_lists(doc) == ["GET /v1/commodities: a page without `limit` and `cursor`"]


# Values a generator writes when it knows nothing about the field: an example made of them
# teaches a partner nothing (`"string"`, `"example"`, the Swagger UI's UUID).
PLACEHOLDERS = re.compile(
    r"^(string|example\w*|3fa85f64-5717-4562-b3fc-2c963f66afa6|foo|bar|test|lorem.*)$", re.I
)


def placeholder_examples(doc: dict[str, Any]) -> list[str]:
    """Every leaf of a request or success example that is a generic placeholder."""
    out = []

    def walk(value: Any, where: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{where}.{key}")
        elif isinstance(value, list):
            for inner in value:
                walk(inner, f"{where}[]")
        elif isinstance(value, str) and PLACEHOLDERS.match(value):
            out.append(f"{where} = {value!r}")

    for path, method, op in operations(doc):
        places = [("request", (op.get("requestBody") or {}).get("content", {}))]
        places += [(s, r.get("content", {})) for s, r in op.get("responses", {}).items()]
        for where, content in places:
            for media in content.values():
                if "example" in media:
                    walk(media["example"], f"{method.upper()} {path} {where}")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_examples_are_specific_not_placeholders(name: str) -> None:
    """Examples read like a real call (`kopmod_shared.openapi_vocabulary`): one cooperative,
    its fund, its buyer; ids that agree across operations."""
    doc = document(name)
    assert placeholder_examples(doc) == []
    if name == "registry":
        get = doc["paths"]["/v1/cooperatives/{cooperative_id}"]["get"]
        coop = get["responses"]["200"]["content"]["application/json"]["example"]
        assert coop["name"] == "Koperasi Produsen Kopi Cikajang"
        assert coop["founded_on"] < coop["legal_decree_date"] <= "2015-12-31"
        rats = doc["paths"]["/v1/cooperatives/{cooperative_id}/rats"]["get"]
        page = rats["responses"]["200"]["content"]["application/json"]["example"]
        assert page["items"][0]["cooperative_id"] == coop["id"]  # one cooperative throughout


def test_the_placeholder_check_fails_on_a_generic_example() -> None:
    doc = json.loads(json.dumps(document("financing")))
    body = doc["paths"]["/v1/loans/{loan_id}/repayments"]["post"]["requestBody"]
    body["content"]["application/json"]["example"] = {"reference": "string", "note": "example"}
    assert placeholder_examples(doc) == [
        "POST /v1/loans/{loan_id}/repayments request.reference = 'string'",
        "POST /v1/loans/{loan_id}/repayments request.note = 'example'",
    ]


def unbounded_integers(doc: dict[str, Any]) -> list[str]:
    """Every integer a caller sends (request bodies, reachable components, parameters) without a
    `maximum`: Postgres's integer ends at 2**31 - 1, so such a field answered a 500."""
    schemas = doc["components"]["schemas"]
    out: list[str] = []

    def walk(node: Any, where: str, seen: set[str]) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, where, seen)
            return
        if not isinstance(node, dict):
            return
        ref = node.get("$ref")
        if ref:
            name = ref.rsplit("/", 1)[-1]
            if name not in seen:
                seen.add(name)
                walk(schemas[name], name, seen)
            return
        if node.get("type") == "integer" and not {"maximum", "exclusiveMaximum"} & node.keys():
            out.append(where)
        for key, value in node.items():
            if key == "properties":
                for field, schema in value.items():
                    walk(schema, f"{where}.{field}", seen)
            elif key not in ("example", "examples", "default"):
                walk(value, where, seen)

    seen: set[str] = set()
    for path, method, op in operations(doc):
        walk((op.get("requestBody") or {}).get("content", {}), f"{method} {path}", seen)
        for param in op.get("parameters", []):
            walk(param.get("schema", {}), f"{method} {path} ?{param['name']}", seen)
    return sorted(set(out))


@pytest.mark.parametrize("name", NAMES)
def test_every_integer_a_caller_sends_has_a_maximum(name: str) -> None:
    assert unbounded_integers(document(name)) == []


def test_the_integer_check_fails_on_an_unbounded_count() -> None:
    doc = json.loads(json.dumps(document("registry")))
    member_count = doc["components"]["schemas"]["RatIn"]["properties"]["attendance"]
    del member_count["maximum"]
    assert unbounded_integers(doc) == ["RatIn.attendance"]
