"""Every code the services publish and the console shows has a message of its own, translated
in both catalogs: eligibility findings and rule names, transaction kinds, document kinds,
application steps, health categories, member group kinds (read from the committed OpenAPI
documents, so a new code in a service fails here until the console can say it). And a finding
is said in the person's language with its values, never the service's English sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from console import codes, i18n
from console.catalog import read

ROOT = Path(__file__).resolve().parents[3]
# (service, OpenAPI enum, the console's vocabulary for it)
PUBLISHED = [
    ("financing", "FindingCode", "finding"),
    ("financing", "TxKind", "transaction"),
    ("financing", "DocumentKind", "document"),
    ("financing", "Action", "action"),
    ("financing", "Recommendation", "recommendation"),
    ("financing", "FigureName", "figure"),
    ("registry", "HealthCategory", "health"),
    ("registry", "MemberGroupKind", "member_group"),
    ("registry", "MentoringFocus", "mentoring"),
    ("registry", "CooperativeStatus", "state"),
    ("registry", "Role", "role"),
]


def enum(service: str, name: str) -> list[str]:
    document = json.loads((ROOT / "openapi" / f"{service}.json").read_text())
    return list(document["components"]["schemas"][name]["enum"])


@pytest.mark.parametrize(("service", "name", "vocabulary"), PUBLISHED)
def test_every_published_code_has_a_translated_message(service, name, vocabulary) -> None:
    published = enum(service, name)
    assert published, name
    known = codes.VOCABULARIES[vocabulary]
    assert sorted(set(published) - set(known)) == [], f"{name}: codes the console cannot say"
    indonesian, english = read("id"), read("en")
    for code in published:
        message = known[code]
        assert message in english, message
        assert indonesian.get(message) is not None and indonesian[message].string, message


def test_every_figure_has_an_explanation_and_every_unit_a_short_name() -> None:
    assert sorted(set(enum("financing", "FigureName")) - set(codes.FIGURE_EXPLANATIONS)) == []
    indonesian = read("id")
    for message in [*codes.FIGURE_EXPLANATIONS.values(), *codes.UNITS.values()]:
        assert indonesian.get(message) is not None and indonesian[message].string, message
    token = i18n.current_language.set("id")
    try:
        # Units as Indonesians write them, never the UN/ECE code.
        assert codes.quantity("3000.000", "KGM") == "3.000 kg"
        assert codes.quantity("2.5", "TNE") == "2,5 ton"
        assert codes.quantity("1500", "LTR") == "1.500 liter"
        assert codes.threshold_text(">= 1.25") == "\u2265 1,25"
        no_statement = {"name": "debt_to_equity", "value": None, "inputs": {}}
        assert codes.figure_explanation(no_statement).startswith("Registri")
        assert "KGM" not in codes.quantity("1", "KGM")
    finally:
        i18n.current_language.reset(token)


def test_every_rule_of_a_finding_has_a_name() -> None:
    rules = {code.split(".")[0] for code in enum("financing", "FindingCode")}
    assert sorted(rules - set(codes.RULE_NAMES)) == []


def test_a_finding_is_said_in_the_persons_language_with_its_values() -> None:
    found = {"code": "rat_years.missing", "params": {"years": "2024, 2023"}}
    token = i18n.current_language.set("id")
    try:
        assert codes.finding_text(found) == "Belum ada RAT yang tercatat untuk 2024, 2023."
        money = {
            "code": "equity_multiple.above",
            "params": {"amount": "1500000000.00", "multiple": "10.00", "limit": "900000000.00"},
        }
        said = codes.finding_text(money)
        assert "Rp1.500.000.000,00" in said and "Rp900.000.000,00" in said
        assert codes.code_label("penalty_charge", "transaction") == "Denda keterlambatan"
        # An older check without values, or a code newer than the console: no crash, no English.
        assert codes.finding_text({"code": "min_age_years.too_young"}).count("-") == 2
        assert codes.finding_text({"code": "new.code"}) == "new.code"
    finally:
        i18n.current_language.reset(token)
