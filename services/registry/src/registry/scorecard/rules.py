"""Every scoring rule of the modernisation scorecard, in one place (documented in
``docs/scorecard.md``; change both together).

Each aspect scores 0-100 from its evidence and is *met* at :data:`MET_AT` or above. Readiness is
the mean of the aspects that could be scored (equal weights); with an aspect unavailable the
readiness is over the others and the scorecard is marked partial. "Meets all four" looks at the
programme's four aspects (capital, diversification, market orientation, offtakers; governance
and technology adoption are reported beside them) and is unknown (null) while any of them is
unavailable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from kopmod_shared.money import PROPORTION
from kopmod_shared.schemas.financing import FinancingSummary
from kopmod_shared.schemas.marketplace import MarketSummary
from kopmod_shared.schemas.registry import HealthCategory

MET_AT = 60

# Access to capital (financing).
CAPITAL_APPLIED = 25  # applied, no signed loan yet
CAPITAL_LOAN = 60  # at least one signed loan
CAPITAL_ON_TIME = 40  # times the on-time share of installments due
CAPITAL_NOTHING_DUE_YET = 20  # a loan with nothing due yet: half the on-time points
CAPITAL_SPECIAL_MENTION_PENALTY = 10  # current OJK class 2
CAPITAL_NPL_CAP = 40  # current OJK class 3-5: at most this
CAPITAL_WRITTEN_OFF_CAP = 20  # any loan written off: at most this

# Product diversification (registry products).
PRODUCTS_FULL_COUNT = 4  # this many products or more earn every count point
PRODUCTS_COUNT_POINTS = 50
PRODUCTS_PROCESSED_POINTS = 30  # times the processed share
PRODUCTS_EXPORT_POINTS = 20  # times the export share

# Market orientation (marketplace, signed contracts).
MARKET_DOMESTIC_POINTS = 40  # at least one domestic contract
MARKET_EXPORT_POINTS = 40  # at least one export contract
MARKET_BREADTH_CONTRACTS = 3  # this many signed contracts or more ...
MARKET_BREADTH_POINTS = 20  # ... earn these

# Offtakers (marketplace).
OFFTAKER_ACTIVE_POINTS = 40  # at least one active contract
OFFTAKER_PAST_POINTS = 20  # no active contract, but signed ones before
OFFTAKER_SEVERAL_POINTS = 20  # two or more distinct offtakers on active contracts
OFFTAKER_FULFILMENT_POINTS = 40  # times the fulfilment rate
OFFTAKER_NOTHING_DUE_YET = 20  # active contracts with nothing due yet: half the points

# Governance (registry: RAT compliance and health).
GOV_ACTIVE_POINTS = 30  # a RAT in the last 3 years
GOV_LAST_RAT_POINTS = 20  # the most recent due RAT was held
GOV_NO_WARNING_POINTS = 10  # not two due RATs missed in a row
GOV_HEALTH_POINTS = {
    HealthCategory.sehat: 40,
    HealthCategory.cukup_sehat: 30,
    HealthCategory.dalam_pengawasan: 15,
    HealthCategory.dalam_pengawasan_khusus: 0,
}

# Technology adoption (registry sign-ins and clients, financing and marketplace records).
TECH_RECENT_SIGNIN_DAYS = 90  # a sign-in this recent counts
TECH_SIGNIN_POINTS = 30  # a person of the cooperative signed in recently
TECH_SEVERAL_PEOPLE = 3  # this many people signed in recently ...
TECH_SEVERAL_PEOPLE_POINTS = 10  # ... earn these
TECH_RECENT_RECORD_DAYS = 365  # the window of the records below (financing, marketplace)
TECH_APPLICATION_POINTS = 15  # a financing application started on the platform
TECH_OFFER_POINTS = 15  # a supply offer posted on the marketplace
TECH_DELIVERY_POINTS = 10  # a delivery recorded under its contracts
TECH_INTEGRATION_POINTS = 20  # an API client used recently, or a webhook endpoint
TECH_CLIENT_RECENT_DAYS = 90  # an API client that obtained a token this recently

# Readiness bands (lower bound of each, best first).
BANDS = [("ready", 75), ("advancing", 50), ("developing", 25), ("early", 0)]


class AspectName(StrEnum):
    access_to_capital = "access_to_capital"
    product_diversification = "product_diversification"
    market_orientation = "market_orientation"
    offtakers = "offtakers"
    governance = "governance"
    technology_adoption = "technology_adoption"


class Source(StrEnum):
    registry = "registry"
    financing = "financing"
    marketplace = "marketplace"


FOUR_ASPECTS = (
    AspectName.access_to_capital,
    AspectName.product_diversification,
    AspectName.market_orientation,
    AspectName.offtakers,
)
SOURCE_OF = {
    AspectName.access_to_capital: Source.financing,
    AspectName.product_diversification: Source.registry,
    AspectName.market_orientation: Source.marketplace,
    AspectName.offtakers: Source.marketplace,
    AspectName.governance: Source.registry,
    AspectName.technology_adoption: Source.registry,
}
# Every service an aspect's evidence comes from (the primary one, SOURCE_OF, first): the
# aspect is unavailable when any of them is.
SOURCES_OF = {name: (source,) for name, source in SOURCE_OF.items()} | {
    AspectName.technology_adoption: (Source.registry, Source.financing, Source.marketplace),
}


@dataclass(frozen=True)
class RegistryFacts:
    """What the registry itself knows about one cooperative, as of a day."""

    products: int
    processed_products: int
    export_products: int
    domestic_products: int
    active: bool
    last_due_rat_year: int
    last_due_rat_held: bool
    rat_warning: bool
    last_rat_held_on: date | None
    latest_health: HealthCategory | None
    latest_health_year: int | None
    latest_health_score: Decimal | None
    mentoring_records: int
    open_mentoring: int = 0
    mentoring_focus: tuple[str, ...] = ()
    people_signed_in_recently: int = 0
    api_clients_used_recently: int = 0
    webhook_endpoints: int = 0


@dataclass
class Score:
    """One aspect's score with its evidence and how the points were earned."""

    name: AspectName
    score: int | None
    evidence: dict[str, Any] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    unavailable_reason: str | None = None

    @property
    def source(self) -> Source:
        return SOURCE_OF[self.name]

    @property
    def sources(self) -> tuple[Source, ...]:
        return SOURCES_OF[self.name]

    @property
    def available(self) -> bool:
        return self.score is not None

    @property
    def met(self) -> bool | None:
        return None if self.score is None else self.score >= MET_AT


def _clamp(points: float) -> int:
    return max(0, min(100, round(points)))


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _shown(share: float | Decimal | None) -> str | None:
    """A share as the evidence shows it: the Proportion string (``"0.7500"``), never a float."""
    return None if share is None else PROPORTION.format(Decimal(str(share)))


def unavailable(name: AspectName, reason: str) -> Score:
    return Score(name=name, score=None, unavailable_reason=reason)


def capital(f: FinancingSummary, mentoring_records: int) -> Score:
    reasons: list[str] = []
    if f.loans_total == 0:
        points: float = CAPITAL_APPLIED if f.applications_total else 0
        reasons.append(
            f"applied without a signed loan yet: {points}"
            if f.applications_total
            else "no financing application: 0"
        )
    else:
        points = CAPITAL_LOAN
        reasons.append(f"a signed loan: {CAPITAL_LOAN}")
        if f.on_time_share is None:
            points += CAPITAL_NOTHING_DUE_YET
            reasons.append(f"no installment due yet: +{CAPITAL_NOTHING_DUE_YET}")
        else:
            earned = CAPITAL_ON_TIME * float(f.on_time_share)
            points += earned
            reasons.append(
                f"{f.on_time_share:.0%} of due installments paid on time: +{round(earned)}"
            )
        if f.current_collectibility is not None and f.current_collectibility >= 3:
            points = min(points, CAPITAL_NPL_CAP)
            reasons.append(
                f"non-performing now (class {f.current_collectibility}): at most {CAPITAL_NPL_CAP}"
            )
        elif f.current_collectibility == 2:
            points -= CAPITAL_SPECIAL_MENTION_PENALTY
            reasons.append(f"in special mention now (class 2): -{CAPITAL_SPECIAL_MENTION_PENALTY}")
        if f.any_written_off:
            points = min(points, CAPITAL_WRITTEN_OFF_CAP)
            reasons.append(f"a loan was written off: at most {CAPITAL_WRITTEN_OFF_CAP}")
    evidence = {
        "applications_total": f.applications_total,
        "applications_by_status": f.applications_by_status,
        "applications_in_review": f.applications_in_review,
        "applications_approved": f.applications_approved,
        "loans_total": f.loans_total,
        "active_loans": f.active_loans,
        "outstanding_principal": f.outstanding_principal,
        "installments_due": f.installments_due,
        "installments_paid_on_time": f.installments_paid_on_time,
        "on_time_share": _shown(f.on_time_share),
        "current_collectibility": f.current_collectibility,
        "worst_collectibility": f.worst_collectibility,
        "written_off_loans": f.written_off_loans,
        "as_of": f.as_of,
        "mentoring_records": mentoring_records,
    }
    return Score(AspectName.access_to_capital, _clamp(points), evidence, reasons)


def diversification(r: RegistryFacts) -> Score:
    processed = _share(r.processed_products, r.products)
    export = _share(r.export_products, r.products)
    count_points = (
        PRODUCTS_COUNT_POINTS * min(r.products, PRODUCTS_FULL_COUNT) / PRODUCTS_FULL_COUNT
    )
    processed_points = PRODUCTS_PROCESSED_POINTS * (processed or 0.0)
    export_points = PRODUCTS_EXPORT_POINTS * (export or 0.0)
    reasons = [
        f"{r.products} product(s): +{round(count_points)}",
        f"processed share {processed or 0.0:.0%}: +{round(processed_points)}",
        f"export share {export or 0.0:.0%}: +{round(export_points)}",
    ]
    evidence = {
        "products": r.products,
        "processed_products": r.processed_products,
        "processed_share": _shown(processed),
        "export_products": r.export_products,
        "export_share": _shown(export),
        "domestic_products": r.domestic_products,
    }
    return Score(
        AspectName.product_diversification,
        _clamp(count_points + processed_points + export_points),
        evidence,
        reasons,
    )


def market(m: MarketSummary) -> Score:
    points = 0
    reasons = []
    if m.domestic_contracts:
        points += MARKET_DOMESTIC_POINTS
        reasons.append(f"{m.domestic_contracts} domestic contract(s): +{MARKET_DOMESTIC_POINTS}")
    if m.export_contracts:
        points += MARKET_EXPORT_POINTS
        reasons.append(f"{m.export_contracts} export contract(s): +{MARKET_EXPORT_POINTS}")
    if m.signed_contracts >= MARKET_BREADTH_CONTRACTS:
        points += MARKET_BREADTH_POINTS
        reasons.append(f"{m.signed_contracts} signed contracts: +{MARKET_BREADTH_POINTS}")
    if not reasons:
        reasons.append("no signed contract: 0")
    evidence = {
        "signed_contracts": m.signed_contracts,
        "domestic_contracts": m.domestic_contracts,
        "export_contracts": m.export_contracts,
        "contracts_by_status": m.contracts_by_status,
        "contracted_value": m.contracted_value,
        "commodities": m.commodities,
        "as_of": m.as_of,
    }
    return Score(AspectName.market_orientation, _clamp(points), evidence, reasons)


def offtakers(m: MarketSummary) -> Score:
    reasons = []
    if m.active_contracts:
        points: float = OFFTAKER_ACTIVE_POINTS
        reasons.append(f"{m.active_contracts} active contract(s): +{OFFTAKER_ACTIVE_POINTS}")
        if m.active_offtakers >= 2:
            points += OFFTAKER_SEVERAL_POINTS
            reasons.append(f"{m.active_offtakers} offtakers: +{OFFTAKER_SEVERAL_POINTS}")
    elif m.signed_contracts:
        points = OFFTAKER_PAST_POINTS
        reasons.append(f"no active contract, {m.signed_contracts} before: +{OFFTAKER_PAST_POINTS}")
    else:
        points = 0
        reasons.append("no offtaker contract: 0")
    if m.signed_contracts:
        if m.fulfilment_rate is None:
            points += OFFTAKER_NOTHING_DUE_YET
            reasons.append(f"nothing due for delivery yet: +{OFFTAKER_NOTHING_DUE_YET}")
        else:
            earned = OFFTAKER_FULFILMENT_POINTS * float(m.fulfilment_rate)
            points += earned
            reasons.append(f"fulfilment {m.fulfilment_rate:.0%}: +{round(earned)}")
    evidence = {
        "active_contracts": m.active_contracts,
        "distinct_offtakers": m.distinct_offtakers,
        "active_offtakers": m.active_offtakers,
        "fulfilment_rate": _shown(m.fulfilment_rate),
        "active_contracted_value": m.active_contracted_value,
        "delivered_value": m.delivered_value,
        "as_of": m.as_of,
    }
    return Score(AspectName.offtakers, _clamp(points), evidence, reasons)


def governance(r: RegistryFacts) -> Score:
    points = 0
    reasons = []
    if r.active:
        points += GOV_ACTIVE_POINTS
        reasons.append(f"a RAT in the last 3 years: +{GOV_ACTIVE_POINTS}")
    if r.last_due_rat_held:
        points += GOV_LAST_RAT_POINTS
        reasons.append(f"RAT {r.last_due_rat_year} held: +{GOV_LAST_RAT_POINTS}")
    if not r.rat_warning:
        points += GOV_NO_WARNING_POINTS
        reasons.append(f"no RAT warning: +{GOV_NO_WARNING_POINTS}")
    if r.latest_health is not None:
        health_points = GOV_HEALTH_POINTS[r.latest_health]
        points += health_points
        reasons.append(f"health {r.latest_health.value}: +{health_points}")
    else:
        reasons.append("no health assessment: +0")
    evidence = {
        "active": r.active,
        "last_due_rat_year": r.last_due_rat_year,
        "last_due_rat_held": r.last_due_rat_held,
        "rat_warning": r.rat_warning,
        "last_rat_held_on": r.last_rat_held_on,
        "latest_health": r.latest_health.value if r.latest_health else None,
        "latest_health_year": r.latest_health_year,
        "latest_health_score": r.latest_health_score,
    }
    return Score(AspectName.governance, _clamp(points), evidence, reasons)


def technology(r: RegistryFacts, f: FinancingSummary, m: MarketSummary) -> Score:
    """Evidence that the cooperative runs its work through the platform."""
    points = 0
    reasons = []
    people = r.people_signed_in_recently
    if people:
        points += TECH_SIGNIN_POINTS
        reasons.append(
            f"{people} person(s) signed in within {TECH_RECENT_SIGNIN_DAYS} days: "
            f"+{TECH_SIGNIN_POINTS}"
        )
        if people >= TECH_SEVERAL_PEOPLE:
            points += TECH_SEVERAL_PEOPLE_POINTS
            reasons.append(f"{TECH_SEVERAL_PEOPLE} or more people: +{TECH_SEVERAL_PEOPLE_POINTS}")
    else:
        reasons.append(f"nobody signed in within {TECH_RECENT_SIGNIN_DAYS} days: +0")
    for count, what, earned in (
        (f.applications_recent, "financing application(s)", TECH_APPLICATION_POINTS),
        (m.offers_recent, "supply offer(s)", TECH_OFFER_POINTS),
        (m.deliveries_recent, "delivery(ies) recorded", TECH_DELIVERY_POINTS),
    ):
        if count:
            points += earned
            reasons.append(f"{count} {what} within {TECH_RECENT_RECORD_DAYS} days: +{earned}")
    hooks = r.webhook_endpoints + f.webhook_endpoints + m.webhook_endpoints
    if r.api_clients_used_recently or hooks:
        points += TECH_INTEGRATION_POINTS
        reasons.append(
            f"integrated ({r.api_clients_used_recently} API client(s) used within "
            f"{TECH_CLIENT_RECENT_DAYS} days, {hooks} webhook endpoint(s)): "
            f"+{TECH_INTEGRATION_POINTS}"
        )
    else:
        reasons.append("no API client in use and no webhook endpoint: +0")
    evidence = {
        "people_signed_in_recently": people,
        "applications_recent": f.applications_recent,
        "offers_recent": m.offers_recent,
        "deliveries_recent": m.deliveries_recent,
        "api_clients_used_recently": r.api_clients_used_recently,
        "webhook_endpoints": hooks,
    }
    return Score(AspectName.technology_adoption, _clamp(points), evidence, reasons)


@dataclass(frozen=True)
class Overall:
    readiness: int | None
    band: str | None
    meets_all_four: bool | None
    partial: bool


def band_of(readiness: int) -> str:
    for name, lower in BANDS:
        if readiness >= lower:
            return name
    return BANDS[-1][0]


def overall(scores: list[Score]) -> Overall:
    available = [s.score for s in scores if s.score is not None]
    readiness = round(sum(available) / len(available)) if available else None
    by_name = {s.name: s for s in scores}
    four = [by_name[n].met for n in FOUR_ASPECTS]
    meets = None if any(m is None for m in four) else all(four)
    return Overall(
        readiness=readiness,
        band=band_of(readiness) if readiness is not None else None,
        meets_all_four=meets,
        partial=len(available) < len(scores),
    )
