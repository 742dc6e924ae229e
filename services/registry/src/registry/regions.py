"""Kemendagri region codes: format and the known province codes (reference data, domain.md 2).

A code is written with dots, ``32.73.01.1001``: province (2 digits), regency (01-69) or city
(71-99), district (2 digits), village (4 digits, a leading 1 for a kelurahan, 2 for a desa).
Codes are accepted with or without dots and stored in the dotted form.
"""

from __future__ import annotations

import re

# The 38 provinces (the four Papua provinces created in 2022 included).
PROVINCES: dict[str, str] = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

_DOTTED = re.compile(r"^(\d{2})(?:\.(\d{2})(?:\.(\d{2})(?:\.(\d{4}))?)?)?$")
_PLAIN = re.compile(r"^(\d{2})(\d{2})?(\d{2})?(\d{4})?$")

# Indonesia's extent, for a sanity check on coordinates.
LAT_MIN, LAT_MAX = -11.0, 6.0
LON_MIN, LON_MAX = 95.0, 141.0


class RegionCodeError(ValueError):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def parse_region_code(raw: str, *, min_level: int = 1) -> str:
    """The dotted form of ``raw``; ``min_level`` 1 province, 2 regency, 3 district, 4 village."""
    value = raw.strip()
    match = _DOTTED.match(value) if "." in value else _PLAIN.match(value)
    if match is None:
        raise RegionCodeError(
            "region_format",
            "region code must look like 32, 32.73, 32.73.01 or 32.73.01.1001",
        )
    parts = [p for p in match.groups() if p is not None]
    province = parts[0]
    if province not in PROVINCES:
        raise RegionCodeError("region_unknown_province", f"no province has code {province}")
    if len(parts) >= 2:
        regency = int(parts[1])
        if not (1 <= regency <= 69 or 71 <= regency <= 99):
            raise RegionCodeError(
                "region_format", "regency part must be 01-69 (regency) or 71-99 (city)"
            )
    if len(parts) >= 3 and parts[2] == "00":
        raise RegionCodeError("region_format", "district part must be 01-99")
    if len(parts) == 4 and (parts[3][0] not in "12" or parts[3][1:] == "000"):
        raise RegionCodeError(
            "region_format", "village part must be 1001-1999 (kelurahan) or 2001-2999 (desa)"
        )
    if len(parts) < min_level:
        names = {2: "regency", 3: "district", 4: "village"}
        raise RegionCodeError(
            "region_too_coarse", f"region code must go down to a {names[min_level]}"
        )
    return ".".join(parts)


def province_of(region_code: str) -> str:
    return region_code[:2]


def in_indonesia(latitude: float, longitude: float) -> bool:
    return LAT_MIN <= latitude <= LAT_MAX and LON_MIN <= longitude <= LON_MAX
