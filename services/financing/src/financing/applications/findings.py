"""What an eligibility rule found, as a stable code with its values: what a reader translates
(the console's catalogs, a partner's own), where ``reason`` is one English sentence for logs
and people reading the API. A new outcome of a rule is a new code here."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class FindingCode(StrEnum):
    registered_unknown = "registered.unknown"
    legal_entity_present = "legal_entity.present"
    legal_entity_missing = "legal_entity.missing"
    active = "active.active"
    not_active = "active.not_active"
    nik_present = "nik_koperasi.present"
    nik_missing = "nik_koperasi.missing"
    age_enough = "min_age_years.enough"
    age_too_young = "min_age_years.too_young"
    rat_held = "rat_years.held"
    rat_missing = "rat_years.missing"
    health_enough = "min_health.enough"
    health_too_low = "min_health.too_low"
    health_none = "min_health.none"
    result_positive = "positive_result.positive"
    result_not_positive = "positive_result.not_positive"
    result_no_statement = "positive_result.no_statement"
    equity_within = "equity_multiple.within"
    equity_above = "equity_multiple.above"
    equity_unknown = "equity_multiple.no_equity"
    contract_active = "offtake_contract.active"
    contract_unknown = "offtake_contract.unknown"
    contract_other_cooperative = "offtake_contract.other_cooperative"
    contract_not_active = "offtake_contract.not_active"
    contract_nothing_left = "offtake_contract.nothing_left"


def finding(code: FindingCode, **params: Any) -> dict[str, Any]:
    """One finding as stored with the check: the code and its values, each as text (money in
    the published decimal format, years joined with ", ")."""
    return {
        "code": code.value,
        "params": {k: "" if v is None else str(v) for k, v in params.items()},
    }
