"""The registry forms' fields and how their text becomes the API's JSON (empty means not sent)."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData

from console.i18n import N_, gettext

TYPES = [
    ("produsen", N_("producers' cooperative (produsen)")),
    ("konsumen", N_("consumers' cooperative (konsumen)")),
    ("pemasaran", N_("marketing cooperative (pemasaran)")),
    ("jasa", N_("services cooperative (jasa)")),
    ("simpan_pinjam", N_("savings and loan cooperative (simpan pinjam)")),
]
# form field -> API field, for the cooperative form (the API's errors name the API field).
COOPERATIVE_FIELDS = {
    "name": "name",
    "type": "type",
    "founded_on": "founded_on",
    "region_code": "region_code",
    "nib": "nib",
    "nik_koperasi": "nik_koperasi",
    "legal_decree_number": "legal_decree_number",
    "legal_decree_date": "legal_decree_date",
    "address": "address",
    "member_count": "member_count",
    "business_sectors": "business_sectors",
    "commodities": "commodities",
}
LISTS = {"business_sectors", "commodities"}
NUMBERS = {"member_count"}


def type_options() -> list[tuple[str, str]]:
    return [(value, gettext(label)) for value, label in TYPES]


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def cooperative_body(form: FormData, prefix: str = "", *, only_given: bool = False) -> dict:
    """The cooperative's JSON from its form fields (``prefix`` for a successor's fields)."""
    body: dict[str, Any] = {}
    for name in COOPERATIVE_FIELDS:
        raw = text(form, prefix + name)
        if not raw:
            continue
        if name in LISTS:
            body[name] = [part.strip() for part in raw.replace(";", ",").split(",") if part.strip()]
        elif name in NUMBERS:
            body[name] = int(raw) if raw.isdigit() else raw
        else:
            body[name] = raw
    return body
