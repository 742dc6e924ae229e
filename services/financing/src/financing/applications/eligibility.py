"""Eligibility against the registry's snapshot: rules (pure), the check, and the worker's round.

A submission only records ``eligibility_check`` with ``eligibility_next_at`` = now; the check
itself runs off the request path, in the eligibility worker (``applications.worker``: a loop in
the service's lifespan, or ``kopmod jobs eligibility-worker``), which claims due applications
and runs ``run_check`` for each. The registry is called with no database transaction open: the
claim is committed first, then the registry is called, then a new transaction locks the
application, makes sure it is still waiting for this very attempt, and records the outcome with
its event (``financing.application.eligibility_passed`` / ``_failed``, the applicant's news).
When the registry cannot be reached the application stays in ``eligibility_check`` with a later
``eligibility_next_at`` (back-off); a later round tries again. It is never lost and never passed
without an answer.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from financing.applications.findings import FindingCode as F
from financing.applications.findings import finding
from financing.applications.models import Application, EligibilityCheck
from financing.applications.offtake import evaluate_contracts
from financing.applications.repository import ApplicationRepository
from financing.applications.states import Action, ApplicationStatus
from financing.applications.transitions import record_transition
from financing.models import outbox_events
from financing.products.models import Product
from financing.settings import FinancingSettings
from kopmod_shared.clients import MarketplaceClient, RegistryClient
from kopmod_shared.errors import NotFound, ProblemError, UpstreamUnavailable
from kopmod_shared.events import EventType
from kopmod_shared.money import MONEY, MULTIPLE
from kopmod_shared.outbox import emit
from kopmod_shared.schemas.financing import ApplicationRejected, EligibilityDecided
from kopmod_shared.schemas.marketplace import ContractSummary
from kopmod_shared.schemas.registry import HEALTH_ORDER, EligibilitySnapshot, HealthCategory

log = logging.getLogger(__name__)

SYSTEM_ACTOR = "system:eligibility"


def required_rat_years(as_of: date, count: int) -> list[int]:
    """The book years whose RAT must have been held by ``as_of``.

    A RAT is due within 6 months of the year end, so until 30 June the previous year's RAT may
    still be pending and the requirement starts one year earlier.
    """
    latest = as_of.year - 1 if as_of.month > 6 else as_of.year - 2
    return [latest - i for i in range(count)]


def evaluate(
    product: Product, snapshot: EligibilitySnapshot, amount: Decimal
) -> list[dict[str, Any]]:
    """Every rule's outcome with its reason, what was observed and what was required."""
    out: list[dict[str, Any]] = []

    def rule(
        name: str,
        passed: bool,
        reason: str,
        observed: Any,
        required: Any,
        found: dict[str, Any],
    ) -> None:
        out.append(
            {
                "rule": name,
                "passed": passed,
                "reason": reason,
                "findings": [found],
                "observed": observed,
                "required": required,
            }
        )

    rule(
        "legal_entity",
        snapshot.has_legal_entity,
        "has a legal entity (badan hukum)"
        if snapshot.has_legal_entity
        else "no legal entity decree is recorded",
        snapshot.has_legal_entity,
        True,
        finding(F.legal_entity_present if snapshot.has_legal_entity else F.legal_entity_missing),
    )
    active = snapshot.status.value == "active" and snapshot.active
    rule(
        "active",
        active,
        "active: a RAT within the last 3 years"
        if active
        else f"not active (status {snapshot.status.value}, RAT-active {snapshot.active})",
        {"status": snapshot.status.value, "active": snapshot.active},
        {"status": "active", "active": True},
        finding(F.active) if active else finding(F.not_active, status=snapshot.status.value),
    )
    rule(
        "nik_koperasi",
        bool(snapshot.nik_koperasi),
        "has a NIK koperasi" if snapshot.nik_koperasi else "no NIK koperasi",
        snapshot.nik_koperasi is not None,
        True,
        finding(F.nik_present if snapshot.nik_koperasi else F.nik_missing),
    )
    rule(
        "min_age_years",
        snapshot.age_years >= product.min_age_years,
        f"operating {snapshot.age_years} years; the product needs {product.min_age_years}",
        snapshot.age_years,
        product.min_age_years,
        finding(
            F.age_enough if snapshot.age_years >= product.min_age_years else F.age_too_young,
            years=snapshot.age_years,
            required=product.min_age_years,
        ),
    )
    if product.rat_years_required:
        needed = required_rat_years(snapshot.as_of, product.rat_years_required)
        missing = [y for y in needed if y not in snapshot.rat_years]
        rule(
            "rat_years",
            not missing,
            f"RAT held for {', '.join(map(str, needed))}"
            if not missing
            else f"no RAT recorded for {', '.join(map(str, missing))}",
            sorted(snapshot.rat_years, reverse=True),
            needed,
            finding(F.rat_held, years=", ".join(map(str, needed)))
            if not missing
            else finding(F.rat_missing, years=", ".join(map(str, missing))),
        )
    if product.min_health:
        minimum = HealthCategory(product.min_health)
        health = snapshot.latest_health
        ok = health is not None and HEALTH_ORDER.index(health) <= HEALTH_ORDER.index(minimum)
        rule(
            "min_health",
            ok,
            f"latest health {health.value if health else 'none'} "
            f"({snapshot.latest_health_year or '-'}); the product needs {minimum.value} or better",
            health.value if health else None,
            minimum.value,
            finding(
                F.health_none if health is None else F.health_enough if ok else F.health_too_low,
                category=health.value if health else None,
                year=snapshot.latest_health_year,
                required_category=minimum.value,
            ),
        )
    financials = snapshot.latest_financials
    if product.require_positive_result:
        surplus = financials.net_surplus if financials else None
        rule(
            "positive_result",
            surplus is not None and surplus > 0,
            f"net surplus (SHU) {surplus} in {financials.year}"
            if financials
            else "no financial statement in the registry",
            MONEY.format_optional(surplus),
            "> 0",
            finding(F.result_no_statement)
            if financials is None
            else finding(
                F.result_positive if surplus is not None and surplus > 0 else F.result_not_positive,
                amount=MONEY.format_optional(surplus),
                year=financials.year,
            ),
        )
    if product.max_equity_multiple is not None:
        equity = financials.equity if financials else None
        limit = (
            (equity * product.max_equity_multiple).quantize(Decimal("0.01"))
            if equity is not None
            else None
        )
        ok = limit is not None and equity is not None and equity > 0 and amount <= limit
        rule(
            "equity_multiple",
            ok,
            f"amount {amount} against {product.max_equity_multiple}x equity {equity} = {limit}"
            if equity is not None
            else "no equity figure in the registry",
            MONEY.format(amount),
            MONEY.format_optional(limit),
            finding(F.equity_unknown)
            if equity is None
            else finding(
                F.equity_within if ok else F.equity_above,
                amount=MONEY.format(amount),
                limit=MONEY.format_optional(limit),
                multiple=MULTIPLE.format(product.max_equity_multiple),
            ),
        )
    return out


@dataclass
class EligibilityDeps:
    sessionmaker: async_sessionmaker[AsyncSession]
    registry: RegistryClient
    settings: FinancingSettings
    marketplace: MarketplaceClient | None = None

    @classmethod
    def from_app(cls, app: FastAPI) -> EligibilityDeps:
        return cls(
            sessionmaker=app.state.sessionmaker,
            registry=app.state.registry,
            settings=app.state.settings,
            marketplace=getattr(app.state, "marketplace", None),
        )


async def fetch_contracts(
    marketplace: MarketplaceClient | None, contract_ids: list[UUID]
) -> dict[UUID, ContractSummary | None]:
    """The marketplace's summary of each offtake contract (None: it knows no such contract).
    Raises ``ProblemError`` when the marketplace cannot answer: the check then waits."""
    found: dict[UUID, ContractSummary | None] = {}
    if not contract_ids:
        return found
    if marketplace is None:
        raise UpstreamUnavailable("the marketplace is not configured")
    for contract_id in contract_ids:
        try:
            found[contract_id] = await marketplace.contract_summary(contract_id)
        except NotFound:
            found[contract_id] = None
    return found


def backoff(settings: FinancingSettings, attempts: int) -> timedelta:
    seconds = settings.eligibility_retry_base_seconds * (2 ** max(attempts - 1, 0))
    return timedelta(seconds=min(seconds, settings.eligibility_retry_max_seconds))


@dataclass(frozen=True)
class Attempt:
    """What an attempt needs to know before calling the registry (what the claim returns)."""

    attempt: int
    cooperative_id: UUID
    contract_ids: list[UUID]

    @classmethod
    def of(cls, application: Application) -> Attempt:
        return cls(
            attempt=application.eligibility_attempts,
            cooperative_id=application.cooperative_id,
            contract_ids=list(application.offtake_contract_ids or []),
        )


async def run_check(
    deps: EligibilityDeps, application_id: UUID, known: Attempt | None = None
) -> str:
    """One eligibility attempt; returns the resulting status (or ``waiting``).

    ``known``: what the worker's claim just returned, which saves a transaction reading it
    back; the recording transaction below re-checks it under the lock.
    """
    if known is None:
        async with deps.sessionmaker() as session:
            application = await ApplicationRepository(session).get(application_id)
            if application is None or application.status != ApplicationStatus.eligibility_check:
                return application.status if application else "missing"
            known = Attempt.of(application)
    # No transaction is open here: nothing is held while the registry answers.
    attempt, cooperative_id, contract_ids = known.attempt, known.cooperative_id, known.contract_ids
    snapshot: EligibilitySnapshot | None = None
    failure: str | None = None
    unknown = False
    contracts: dict[UUID, ContractSummary | None] = {}
    try:
        snapshot = await deps.registry.eligibility_snapshot(cooperative_id)
    except NotFound:
        unknown = True
    except ProblemError as exc:
        failure = f"{exc.title}: {exc.detail or ''}".strip()
    except Exception as exc:  # an unexpected answer must not lose the application either
        failure = f"{type(exc).__name__}"
        log.exception("eligibility snapshot failed", extra={"application_id": str(application_id)})
    if failure is None and not unknown and contract_ids:
        # Offtake contracts are verified with the marketplace, also with no transaction open;
        # a marketplace that cannot answer makes the check wait like a registry that cannot.
        try:
            contracts = await fetch_contracts(deps.marketplace, contract_ids)
        except ProblemError as exc:
            failure = f"marketplace: {exc.title}: {exc.detail or ''}".strip()
        except Exception as exc:
            failure = f"marketplace: {type(exc).__name__}"
            log.exception(
                "offtake contract verification failed",
                extra={"application_id": str(application_id)},
            )

    async with deps.sessionmaker() as session, session.begin():
        repo = ApplicationRepository(session)
        application = await repo.get(application_id, for_update=True)
        if (
            application is None
            or application.status != ApplicationStatus.eligibility_check
            or application.eligibility_attempts != attempt
        ):
            # Someone else recorded this attempt (or the applicant withdrew meanwhile).
            return application.status if application else "missing"
        application.eligibility_attempts = attempt + 1
        now = datetime.now(UTC)
        if failure is not None:
            application.eligibility_last_error = failure[:1000]
            application.eligibility_next_at = now + backoff(deps.settings, attempt + 1)
            await session.flush()
            log.warning(
                "registry unavailable for eligibility; will retry",
                extra={"application_id": str(application_id), "attempt": attempt + 1},
            )
            return "waiting"
        product = await session.get(Product, application.product_id)
        assert product is not None
        if unknown:
            rules = [
                {
                    "rule": "registered",
                    "passed": False,
                    "reason": "the registry does not know this cooperative",
                    "findings": [finding(F.registered_unknown)],
                    "observed": None,
                    "required": "registered cooperative",
                }
            ]
            snapshot_json: dict[str, Any] = {}
        else:
            assert snapshot is not None
            rules = evaluate(product, snapshot, application.requested_amount)
            snapshot_json = snapshot.model_dump(mode="json")
            if contract_ids:
                rules += evaluate_contracts(application.cooperative_id, contract_ids, contracts)
                # The verification is kept with the check: what the marketplace answered.
                snapshot_json["offtake_contracts"] = [
                    c.model_dump(mode="json") for c in contracts.values() if c is not None
                ]
            application.province_code = snapshot.province_code
        passed = all(r["passed"] for r in rules)
        session.add(
            EligibilityCheck(
                application_id=application.id, passed=passed, rules=rules, snapshot=snapshot_json
            )
        )
        application.eligibility_next_at = None
        application.eligibility_last_error = None
        failed_rules = [str(r["rule"]) for r in rules if not r["passed"]]
        await record_transition(
            session,
            application,
            Action.pass_eligibility if passed else Action.fail_eligibility,
            actor=SYSTEM_ACTOR,
            actor_role="service",
            note=None if passed else "failed: " + ", ".join(failed_rules),
            flush=False,  # the commit flushes the check, the event and the status together
        )
        base = {
            "application_id": application.id,
            "cooperative_id": application.cooperative_id,
            "product_id": application.product_id,
            "fund_id": application.fund_id,
            "status": ApplicationStatus(application.status),
        }
        await emit(
            session,
            outbox_events,
            source="financing",
            type=EventType.ELIGIBILITY_PASSED if passed else EventType.ELIGIBILITY_FAILED,
            subject=application.id,
            data=EligibilityDecided(**base, passed=passed, failed_rules=failed_rules),
            parties=[application.cooperative_id],
        )
        if not passed:
            await emit(
                session,
                outbox_events,
                source="financing",
                type=EventType.APPLICATION_REJECTED,
                subject=application.id,
                data=ApplicationRejected(
                    **base, reason="eligibility failed: " + ", ".join(failed_rules)
                ),
                parties=[application.cooperative_id],
            )
        return application.status


async def run_eligibility_retries(
    deps: EligibilityDeps, *, limit: int = 50, now: datetime | None = None
) -> dict[str, int]:
    """One round: claim up to ``limit`` applications whose check is due and run them,
    ``concurrency`` at a time (``eligibility_worker_concurrency``). What the worker loop and the
    CLI call. Returns how many ended in each status (``waiting``: the registry is still away).
    """
    now = now or datetime.now(UTC)
    lease = datetime.now(UTC) + timedelta(
        seconds=max(deps.settings.outgoing_timeout_seconds * 4, 60)
    )
    async with deps.sessionmaker() as session, session.begin():
        due = await ApplicationRepository(session).claim_due_eligibility(
            now=now, lease_until=lease, limit=limit
        )
    outcomes: dict[str, int] = {}
    gate = asyncio.Semaphore(max(deps.settings.eligibility_worker_concurrency, 1))

    async def one(application_id: UUID, known: Attempt) -> None:
        async with gate:
            status = await run_check(deps, application_id, known)
        outcomes[status] = outcomes.get(status, 0) + 1

    await asyncio.gather(*(one(a_id, Attempt(n, coop, ids)) for a_id, n, coop, ids in due))
    return outcomes


__all__ = [
    "Attempt",
    "EligibilityDeps",
    "evaluate",
    "required_rat_years",
    "run_check",
    "run_eligibility_retries",
]
