"""Field types with the registry's identifier rules, each failing with its own error code."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field
from pydantic_core import PydanticCustomError

from kopmod_shared import money
from kopmod_shared.dates import BoundedDate
from registry.regions import RegionCodeError, parse_region_code

_NIB = re.compile(r"^\d{13}$")
_DIGITS = re.compile(r"^\d{1,30}$")
_HS = re.compile(r"^\d{4}(?:\d{2}){0,3}$")


def _strip(value: object) -> object:
    return value.strip() if isinstance(value, str) else value


def check_nib(value: str) -> str:
    if not _NIB.match(value):
        raise PydanticCustomError("nib_format", "NIB must be exactly 13 digits")
    return value


def check_nik_koperasi(value: str) -> str:
    if not _DIGITS.match(value):
        raise PydanticCustomError("nik_koperasi_format", "NIK koperasi must be digits only")
    return value


def check_region(value: str) -> str:
    try:
        return parse_region_code(value, min_level=2)
    except RegionCodeError as exc:
        raise PydanticCustomError(exc.code, exc.message) from exc


def check_hs_code(value: str) -> str:
    if not _HS.match(value):
        raise PydanticCustomError("hs_code_format", "HS code must be 4, 6, 8 or 10 digits")
    return value


def check_not_future(value: date) -> date:
    if value > date.today():
        raise PydanticCustomError("date_in_future", "date must not be in the future")
    return value


NIB = Annotated[str, BeforeValidator(_strip), AfterValidator(check_nib)]
NIKKoperasi = Annotated[str, BeforeValidator(_strip), AfterValidator(check_nik_koperasi)]
RegionCode = Annotated[
    str,
    BeforeValidator(_strip),
    AfterValidator(check_region),
    Field(
        description="Kemendagri code down to at least the regency, dotted or not: "
        "`32.73`, `32.73.01`, `32.73.01.1001`; stored dotted.",
        examples=["32.73.01.1001"],
    ),
]
HSCode = Annotated[
    str,
    BeforeValidator(_strip),
    AfterValidator(check_hs_code),
    Field(
        description="HS code (4-10 digits), e.g. `090111` coffee not roasted.", examples=["090111"]
    ),
]
# Not after today, and within the shared date bounds (1900..2200) like every date a caller sends.
PastDate = Annotated[BoundedDate, AfterValidator(check_not_future)]
Latitude = Annotated[money.Latitude, Field(ge=-11, le=6, description="Within Indonesia: -11 to 6.")]
Longitude = Annotated[
    money.Longitude, Field(ge=95, le=141, description="Within Indonesia: 95 to 141.")
]
ShortText = Annotated[str, BeforeValidator(_strip), Field(min_length=1, max_length=200)]
# Counts of people (members, RAT attendance): at most nine digits, inside Postgres's integer (a
# larger number was a 500 from the database) and what the import's column check reads.
MAX_PEOPLE = 999_999_999
PeopleCount = Annotated[int, Field(ge=0, le=MAX_PEOPLE)]
