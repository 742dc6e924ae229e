"""The services' codes as people read them: every code a page shows (eligibility findings and
rule names, transaction kinds, document kinds, health categories, member group kinds,
application steps, roles, units, assessment figures) has a message here, translated through
the catalogs by code, never by the service's English sentence.
``services/console/tests/test_codes.py`` fails when a code the services publish (their OpenAPI
enums) has no message here or no translation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from console import i18n
from console.i18n import N_, gettext, rupiah

RULE_NAMES = {
    "registered": N_("Registered in the registry"),
    "legal_entity": N_("Legal entity (badan hukum)"),
    "active": N_("Active cooperative"),
    "nik_koperasi": N_("NIK koperasi"),
    "min_age_years": N_("Years in operation"),
    "rat_years": N_("Annual members' meetings (RAT)"),
    "min_health": N_("Health assessment"),
    "positive_result": N_("Positive result (SHU)"),
    "equity_multiple": N_("Amount against equity"),
    "offtake_contract": N_("Offtake contract"),
}

FINDINGS = {
    "registered.unknown": N_("The registry does not know this cooperative."),
    "legal_entity.present": N_("The cooperative has a legal entity decree."),
    "legal_entity.missing": N_("No legal entity decree is recorded."),
    "active.active": N_("Active: a RAT was held in the last 3 years."),
    "active.not_active": N_("Not active (status: %(status)s): no RAT in the last 3 years."),
    "nik_koperasi.present": N_("The cooperative has a NIK koperasi."),
    "nik_koperasi.missing": N_("No NIK koperasi is recorded."),
    "min_age_years.enough": N_("Operating %(years)s years; the product needs %(required)s."),
    "min_age_years.too_young": N_(
        "Operating %(years)s years; the product needs at least %(required)s."
    ),
    "rat_years.held": N_("RAT held for %(years)s."),
    "rat_years.missing": N_("No RAT recorded for %(years)s."),
    "min_health.enough": N_(
        "Latest health assessment: %(category)s (%(year)s); the product needs "
        "%(required_category)s or better."
    ),
    "min_health.too_low": N_(
        "Latest health assessment: %(category)s (%(year)s); the product needs "
        "%(required_category)s or better."
    ),
    "min_health.none": N_(
        "No health assessment is recorded; the product needs %(required_category)s or better."
    ),
    "positive_result.positive": N_("Net surplus (SHU) of %(amount)s in %(year)s."),
    "positive_result.not_positive": N_(
        "Net surplus (SHU) of %(amount)s in %(year)s: not positive."
    ),
    "positive_result.no_statement": N_("No financial statement is in the registry."),
    "equity_multiple.within": N_(
        "%(amount)s is within %(multiple)s times the equity: at most %(limit)s."
    ),
    "equity_multiple.above": N_(
        "%(amount)s is above %(multiple)s times the equity: at most %(limit)s."
    ),
    "equity_multiple.no_equity": N_("No equity figure is in the registry."),
    "offtake_contract.active": N_(
        "Active contract with %(offtaker)s; %(amount)s still to deliver."
    ),
    "offtake_contract.unknown": N_("The marketplace knows no such contract."),
    "offtake_contract.other_cooperative": N_("The contract is with another cooperative."),
    "offtake_contract.not_active": N_("The contract is %(status)s, not active."),
    "offtake_contract.nothing_left": N_("The contract has nothing left to deliver."),
}

TRANSACTION_KINDS = {
    "disbursement": N_("Disbursement"),
    "repayment": N_("Repayment"),
    "payoff": N_("Payoff"),
    "penalty_charge": N_("Late penalty"),
    "fee_charge": N_("Fee"),
    "overpayment_refund": N_("Overpayment refunded"),
    "write_off": N_("Written off"),
    "recovery": N_("Recovery after write-off"),
    "reschedule": N_("Rescheduled into a new loan"),
    "rescheduled_in": N_("Opened from a rescheduled loan"),
}

DOCUMENT_KINDS = {
    "deed": N_("Deed of establishment"),
    "rat_report": N_("Annual members' meeting (RAT) report"),
    "bank_statement": N_("Bank statement"),
    "manager_id_card": N_("Manager's identity card"),
    "financial_statement": N_("Financial statement"),
    "business_plan": N_("Business plan"),
    "collateral": N_("Collateral"),
    "guarantee": N_("Guarantee"),
    "survey_report": N_("Field survey report"),
    "other": N_("Other document"),
}

HEALTH_CATEGORIES = {
    "sehat": N_("healthy (sehat)"),
    "cukup_sehat": N_("fairly healthy (cukup sehat)"),
    "dalam_pengawasan": N_("under supervision (dalam pengawasan)"),
    "dalam_pengawasan_khusus": N_("under special supervision (dalam pengawasan khusus)"),
}

MEMBER_GROUP_KINDS = {
    "founder": N_("Founders and initiators"),
    "worker": N_("Workers"),
    "user_producer": N_("Users and producers"),
    "investor": N_("Investors"),
    "other": N_("Other members"),
}

APPLICATION_ACTIONS = {
    "submit": N_("submitted"),
    "start_eligibility": N_("eligibility check started"),
    "pass_eligibility": N_("eligibility passed"),
    "fail_eligibility": N_("eligibility failed"),
    "start_field_survey": N_("field survey started"),
    "start_risk_review": N_("risk review started"),
    "refer_to_committee": N_("referred to the committee"),
    "approve": N_("approved"),
    "send_back": N_("sent back to risk review"),
    "reject": N_("rejected"),
    "sign": N_("signed"),
    "withdraw": N_("withdrawn"),
}

# States a finding may name (a cooperative's, an offtake contract's).
STATES = {
    "active": N_("active"),
    "inactive": N_("inactive"),
    "dissolved": N_("dissolved"),
    "merged": N_("merged"),
    "pending": N_("pending"),
    "completed": N_("completed"),
    "terminated": N_("terminated"),
    "cancelled": N_("cancelled"),
}

MENTORING_FOCUS = {
    "capital_access": N_("access to capital"),
    "market_access": N_("market access"),
    "governance": N_("governance"),
    "technology": N_("technology"),
}

RECOMMENDATIONS = {
    "approve": N_("approve"),
    "approve_reduced": N_("approve a reduced amount"),
    "reject": N_("reject"),
}

# Commodities by the marketplace's code (its own name stays one English name for partners).
COMMODITIES = {
    "coffee_green": N_("Green coffee beans (not roasted)"),
    "cocoa_beans": N_("Cocoa beans"),
    "crude_palm_oil": N_("Crude palm oil (CPO)"),
    "rice_milled": N_("Milled rice"),
    "pepper": N_("Pepper"),
    "ginger": N_("Ginger"),
    "coconut": N_("Coconuts"),
    "sugar_cane_raw": N_("Raw cane sugar"),
    "rubber_natural": N_("Natural rubber (SIR)"),
    "shrimp": N_("Frozen shrimp and prawns"),
    "milk_fresh": N_("Fresh milk"),
    "banana": N_("Bananas"),
}
# Units (UN/ECE Recommendation 20 codes, the marketplace's reference data) as Indonesians write
# them after a number: "3.000 kg", "2 ton".
UNITS = {
    "KGM": N_("kg"),
    "TNE": N_("tonnes"),
    "DTN": N_("quintals"),
    "LTR": N_("litres"),
    "H87": N_("pieces"),
}

# The credit assessment's figures (financing's FigureName), and what each tells the reviewer.
FIGURE_NAMES = {
    "repayment_capacity": N_("Repayment capacity"),
    "installment_to_monthly_surplus": N_("Installment against monthly surplus"),
    "debt_to_equity": N_("Debt to equity"),
    "amount_to_equity": N_("Amount to equity"),
    "offtake_coverage": N_("Offtake coverage"),
    "closed_loop_coverage": N_("Closed-loop coverage"),
}
FIGURE_EXPLANATIONS = {
    "repayment_capacity": N_(
        "How many times the latest year's surplus covers the installments due in the loan's "
        "first year."
    ),
    "installment_to_monthly_surplus": N_(
        "The share of an average month's surplus the largest installment takes (a loss-making "
        "year gives no value)."
    ),
    "debt_to_equity": N_("Leverage before this loan."),
    "amount_to_equity": N_("The amount as a multiple of equity, against the product's ceiling."),
    "offtake_coverage": N_(
        "The share of the loan's repayments (principal and interest over the tenor) that "
        "receipts from the verified offtake contracts could pay: deliveries still due whose "
        "payment falls within the tenor, at the contract price; above 1 the receipts exceed the "
        "repayments."
    ),
    "closed_loop_coverage": N_(
        "The share of the repayments the closed loop applies by itself when every delivery in "
        "the tenor is accepted."
    ),
}
NO_FINANCIALS = N_("The registry holds no financial statement for this cooperative.")

ROLES = {
    "cooperative": N_("cooperative"),
    "offtaker": N_("offtaker"),
    "fund_officer": N_("fund officer"),
    "fund_committee": N_("fund committee"),
    "ministry": N_("ministry"),
    "admin": N_("administrator"),
    "partner": N_("partner system"),
    "service": N_("platform service"),
}

VOCABULARIES: dict[str, Mapping[str, str]] = {
    "role": ROLES,
    "unit": UNITS,
    "commodity": COMMODITIES,
    "figure": FIGURE_NAMES,
    "rule": RULE_NAMES,
    "finding": FINDINGS,
    "transaction": TRANSACTION_KINDS,
    "document": DOCUMENT_KINDS,
    "health": HEALTH_CATEGORIES,
    "member_group": MEMBER_GROUP_KINDS,
    "action": APPLICATION_ACTIONS,
    "state": STATES,
    "mentoring": MENTORING_FOCUS,
    "recommendation": RECOMMENDATIONS,
}
_MONEY_PARAMS = frozenset({"amount", "limit"})


def code_label(code: Any, vocabulary: str) -> str:
    """A code in the person's language; an unknown one (a newer service) as the code itself,
    never an English sentence."""
    message = VOCABULARIES[vocabulary].get(str(code))
    return gettext(message) if message else str(code)


def quantity(value: object, unit: str | None = None) -> str:
    """``3.000 kg``: the number as Indonesians write it, then the unit's short name."""
    shown = i18n.number(value)
    return f"{shown} {code_label(unit, 'unit')}" if unit and shown else shown or "-"


def figure_explanation(figure: Mapping[str, Any]) -> str:
    """What an assessment figure tells, in the person's language (never the service's English):
    a figure without a value and without inputs had no financial statement to work on."""
    if figure.get("value") is None and not figure.get("inputs"):
        return gettext(NO_FINANCIALS)
    message = FIGURE_EXPLANATIONS.get(str(figure.get("name")))
    return gettext(message) if message else ""


def threshold_text(threshold: str | None) -> str:
    """``>= 1.25`` as ``≥ 1,25``: the guide next to a figure, in the person's conventions."""
    if not threshold:
        return ""
    sign, _, number = threshold.partition(" ")
    signs = {">=": "\u2265", "<=": "\u2264", ">": ">", "<": "<"}
    if sign not in signs or not number:
        return threshold
    return f"{signs[sign]} {i18n.number(number)}"


def finding_text(found: Mapping[str, Any]) -> str:
    """One eligibility finding as a sentence, its values in the person's conventions."""
    message = FINDINGS.get(str(found.get("code")))
    if message is None:
        return str(found.get("code"))
    values: dict[str, object] = {}
    for key, value in (found.get("params") or {}).items():
        if key in _MONEY_PARAMS and value:
            values[key] = rupiah(value)
        elif key in ("category", "required_category"):
            values[key] = code_label(value, "health") if value else "-"
        elif key == "status":
            values[key] = code_label(value, "state")
        else:
            values[key] = value or "-"
    return gettext(message) % _Values(values)


class _Values(dict[str, object]):
    """A value the finding did not send (an older check) reads as a dash, never a crash."""

    def __missing__(self, key: str) -> object:
        return "-"
