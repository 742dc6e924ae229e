"""The market's reference data in the person's language. Commodity names come from the
console's catalogs by commodity code (the marketplace keeps one English name per commodity for
its partners; the codes are a curated list, so the console can name each one); grades keep the
names the marketplace's reference data gives them (``Mutu 2``, ``SIR 20``, ``Premium``: the
Indonesian standards' own names, the same in both languages); units as Indonesians write them
(``kg``, ``ton``, ``kuintal``, ``liter``, ``buah``), quantities with dot thousands and comma
decimals (``3.000 kg``, ``1.500,5 kg``)."""

from __future__ import annotations

import time

from console import codes, i18n
from kopmod_shared.clients import MarketplaceClient
from kopmod_shared.schemas.market_records import CommodityOut

COMMODITIES = codes.COMMODITIES
UNITS = codes.UNITS
# The commodity list changes only with a marketplace migration: read it at most every 10 min.
TTL_SECONDS = 600
_catalogue: dict[str, CommodityOut] = {}
_read_at = 0.0


async def load(marketplace: MarketplaceClient) -> list[CommodityOut]:
    """Every commodity with its units and grades (kept for ``TTL_SECONDS``)."""
    global _read_at
    if not _catalogue or time.monotonic() - _read_at > TTL_SECONDS:
        found = await marketplace.commodities()
        _catalogue.clear()
        _catalogue.update({c.code: c for c in found})
        _read_at = time.monotonic()
    return list(_catalogue.values())


def commodity(code: str | None) -> str:
    """A commodity's name in the person's language; an unknown code by the marketplace's name."""
    if not code:
        return "-"
    if code in COMMODITIES:
        return i18n.gettext(COMMODITIES[code])
    known = _catalogue.get(code)
    return known.name if known else code


def grade(commodity_code: str | None, code: str | None) -> str:
    """A grade by its reference name (``mutu_2`` of coffee is ``Mutu 2``)."""
    if not code:
        return "-"
    known = _catalogue.get(commodity_code or "")
    for g in known.grades if known else ():
        if g.code == code:
            return g.name
    return code


def unit(code: str | None) -> str:
    return codes.code_label(code, "unit") if code else ""


def quantity(value: object, code: str | None = None) -> str:
    """``3.000 kg``: the number as Indonesians write it, then the unit."""
    return codes.quantity(value, code)
