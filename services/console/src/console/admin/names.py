"""Names for the ids an audit record holds: the person or client who acted, and the object it
acted on (a cooperative, a person, an API client), looked up in the registry for one page of
records at a time. An id nobody can name (gone, or a kind without a name) stays an id."""

from __future__ import annotations

import re
from typing import Any

from console.api import Api
from console.errors import PageNotFound
from kopmod_shared.errors import ProblemError

PERSON_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
# What an action's object is, by the action's first word.
COOPERATIVE_ACTIONS = {
    "cooperative",
    "rat",
    "health",
    "product",
    "mentoring",
    "modernisation",
    "restructuring",
}


async def _name(api: Api, path: str) -> str | None:
    try:
        found = await api.get("registry", path)
    except (PageNotFound, ProblemError):
        return None
    return str(found.get("name") or "") or None


async def audit_names(api: Api, records: list[dict[str, Any]]) -> dict[str, str]:
    """id -> name for the actors and objects of ``records``."""
    clients = (await api.get("registry", "/v1/clients", limit=100))["items"]
    names: dict[str, str] = {c["client_id"]: c["name"] for c in clients}
    names.update({c["id"]: c["name"] for c in clients})
    wanted: dict[str, str] = {}
    for r in records:
        if PERSON_ID.match(r["actor"]):
            wanted.setdefault(r["actor"], f"/v1/people/{r['actor']}")
        target, kind = r.get("target_id"), r["action"].split(".")[0]
        if target and kind in COOPERATIVE_ACTIONS:
            wanted.setdefault(target, f"/v1/cooperatives/{target}")
        elif target and kind == "person":
            wanted.setdefault(target, f"/v1/people/{target}")
    for key, path in wanted.items():
        if key not in names:
            name = await _name(api, path)
            if name:
                names[key] = name
    return names
