"""The number grammar: the published pattern and the parser are one thing (kopmod_shared.money)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from typing import Any

import pydantic
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kopmod_shared import money
from kopmod_shared.money import FORMATS, MONEY, NumberFormat

TYPES: dict[str, Any] = {name: getattr(money, name) for name in FORMATS}
ADAPTERS = {name: pydantic.TypeAdapter(t) for name, t in TYPES.items()}

# The probes (and friends): each refused by every type, whatever its sign or scale.
PROBES = [
    "1e9",
    "1E3",
    "+100.00",
    " 100.00",
    "100.00 ",
    "100.00\n",
    "100.",
    ".5",
    "1_000",
    "1,000.00",
    "\u0661\u0660\u0660",  # Arabic-Indic 100
    "\u0967\u0966\u0966",  # Devanagari 100
    "\uff11\uff10\uff10",  # full-width 100
    "NaN",
    "nan",
    "Infinity",
    "-Infinity",
    "sNaN",
    "0x10",
    "--1",
    "",
    "1.2.3",
    "1.234567891",  # too many decimals for every type
    "1" * 19,  # too many digits for every type
]


def _schema(name: str) -> dict[str, Any]:
    return ADAPTERS[name].json_schema()


@pytest.mark.parametrize("name", list(FORMATS))
def test_published_pattern_is_the_parsers_expression(name: str) -> None:
    fmt = FORMATS[name]
    schema = _schema(name)
    assert schema["type"] == "string"
    assert schema["pattern"] == fmt.pattern == f"^{fmt.regex.pattern}$"
    assert "integer" in schema["description"]
    # Built from the format's constants, nothing typed by hand.
    sign = "-?" if fmt.signed else ""
    assert fmt.pattern == rf"^{sign}[0-9]{{1,{fmt.digits}}}(?:\.[0-9]{{1,{fmt.scale}}})?$"
    for example in schema["examples"]:
        assert re.fullmatch(fmt.pattern[1:-1], example)
        assert ADAPTERS[name].dump_json(ADAPTERS[name].validate_json(json.dumps(example))) == (
            json.dumps(example).encode()
        )


@pytest.mark.parametrize("name", list(FORMATS))
@pytest.mark.parametrize("probe", PROBES)
def test_probes_are_refused(name: str, probe: str) -> None:
    with pytest.raises(pydantic.ValidationError) as caught:
        ADAPTERS[name].validate_json(json.dumps(probe))
    assert caught.value.errors()[0]["type"] == "value_error"


@pytest.mark.parametrize("name", list(FORMATS))
@pytest.mark.parametrize("raw", [b"true", b"false", b"0.1", b"1.0", b"1e3", b"null", b"[]", b"{}"])
def test_non_strings_other_than_integers_are_refused(name: str, raw: bytes) -> None:
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS[name].validate_json(raw)


def test_integers_are_accepted_within_the_digit_limit() -> None:
    adapter = ADAPTERS["Money"]
    assert adapter.validate_json(b"100000000") == Decimal("100000000.00")
    assert adapter.dump_json(adapter.validate_json(b"100000000")) == b'"100000000.00"'
    assert adapter.validate_json(("9" * 18).encode()) == Decimal("9" * 18)
    with pytest.raises(pydantic.ValidationError):
        adapter.validate_json(("1" + "0" * 18).encode())
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS["PositiveMoney"].validate_json(b"-5")


def test_limits_of_each_grammar() -> None:
    assert ADAPTERS["Money"].validate_json(b'"-123456789012345678.99"') == Decimal(
        "-123456789012345678.99"
    )
    for bad in (b'"1234567890123456789"', b'"1.001"', b'"-1"'):
        with pytest.raises(pydantic.ValidationError):
            ADAPTERS["PositiveMoney"].validate_json(bad)
    assert ADAPTERS["Rate"].dump_json(Decimal("0.03")) == b'"0.03000000"'
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS["Rate"].validate_json(b'"0.030000001"')
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS["Rate"].validate_json(b'"10.5"')  # within the grammar, above the bound
    assert ADAPTERS["Quantity"].dump_json(Decimal("10")) == b'"10.000"'
    assert ADAPTERS["Money"].dump_json(Decimal("-0")) == b'"0.00"'
    assert ADAPTERS["Money"].dump_json(Decimal("1E+3")) == b'"1000.00"'


def test_internal_decimals_with_more_decimals_than_the_scale_are_refused() -> None:
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS["Money"].validate_python(Decimal("0.005"))
    with pytest.raises(pydantic.ValidationError):
        ADAPTERS["Money"].validate_python(Decimal("NaN"))
    assert ADAPTERS["Money"].validate_python(Decimal("100.000")) == Decimal("100.00")


def test_the_error_names_the_field() -> None:
    class Injection(pydantic.BaseModel):
        amount: money.PositiveMoney

    with pytest.raises(pydantic.ValidationError) as caught:
        Injection.model_validate_json(b'{"amount": "1e9"}')
    error = caught.value.errors()[0]
    assert error["loc"] == ("amount",)
    assert MONEY.pattern.replace("-?", "") in error["msg"]


def test_format_refuses_floats() -> None:
    with pytest.raises(TypeError):
        MONEY.format(0.1)  # type: ignore[arg-type]


# --- properties ----------------------------------------------------------------------------------


def _formats() -> st.SearchStrategy[tuple[str, NumberFormat]]:
    return st.sampled_from(sorted(FORMATS.items()))


@settings(max_examples=400, deadline=None)  # no timing: a busy machine must not fail it
@given(data=st.data(), entry=_formats())
def test_every_accepted_string_matches_the_published_pattern(
    data: st.DataObject, entry: tuple[str, NumberFormat]
) -> None:
    """Any text at all (biased towards number-like text): if the parser takes it, the published
    pattern matches it."""
    name, fmt = entry
    alphabet = st.sampled_from("0123456789-+.eE_ ,\n\t\u0661\uff11")
    text = data.draw(st.one_of(st.text(alphabet, max_size=24), st.text(max_size=24)))
    try:
        fmt.parse(text)
    except ValueError:
        return
    assert re.fullmatch(_schema(name)["pattern"][1:-1], text, re.ASCII)
    # and the same text under the JSON Schema reading (``^...$``) as a partner's validator sees it
    assert re.search(_schema(name)["pattern"], text) is not None


@settings(max_examples=400, deadline=None)  # no timing: a busy machine must not fail it
@given(data=st.data(), entry=_formats())
def test_every_string_matching_the_pattern_round_trips(
    data: st.DataObject, entry: tuple[str, NumberFormat]
) -> None:
    """Parse, then serialise: the canonical form (exactly ``scale`` decimals) of the same value."""
    _, fmt = entry
    text = data.draw(st.from_regex(fmt.pattern, fullmatch=True))
    value = fmt.parse(text)
    assert value == Decimal(text)
    canonical = fmt.format(value)
    assert re.fullmatch(fmt.regex, canonical)
    integer, _, fraction = canonical.lstrip("-").partition(".")
    assert len(fraction) == fmt.scale and 1 <= len(integer) <= fmt.digits
    assert Decimal(canonical) == Decimal(text)
    assert fmt.format(fmt.parse(canonical)) == canonical  # canonical is a fixed point
    if Decimal(text) == 0:
        assert not canonical.startswith("-")


@settings(max_examples=200, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(FORMATS)))
def test_no_float_ever_appears_in_serialised_output(data: st.DataObject, name: str) -> None:
    fmt = FORMATS[name]
    text = data.draw(st.from_regex(fmt.pattern, fullmatch=True))
    adapter = ADAPTERS[name]
    try:
        value = adapter.validate_json(json.dumps(text))
    except pydantic.ValidationError:
        return  # within the grammar but outside the type's bounds
    dumped = json.loads(adapter.dump_json(value))
    assert isinstance(dumped, str)
    python_json = adapter.dump_python(value, mode="json")
    assert isinstance(python_json, str) and not isinstance(python_json, float)
    assert dumped == fmt.format(Decimal(text))


def test_a_proportion_is_a_string_rounded_half_even_from_what_the_service_computes() -> None:
    adapter = ADAPTERS["Proportion"]
    # Computed by the service: any scale, rounded half-even to 4 places.
    assert adapter.dump_json(adapter.validate_python(Decimal(2) / Decimal(3))) == b'"0.6667"'
    assert adapter.dump_json(adapter.validate_python(Decimal("0.00005"))) == b'"0.0000"'
    assert adapter.dump_json(adapter.validate_python(Decimal(1))) == b'"1.0000"'
    # From the wire: exactly the grammar, 0 to 1; no float, nothing above 1.
    assert adapter.validate_json('"0.76"') == Decimal("0.7600")
    for refused in ("0.76", "1.5", '"0.76000"', '"1.0001"', '"-0.1"', '"7.6e-1"'):
        with pytest.raises(pydantic.ValidationError):
            adapter.validate_json(refused)
