"""The scorecard: read the registry (and close the session), then ask financing and marketplace,
each under a deadline; a source that fails or is late leaves its aspects unavailable and the
answer partial, never an error. The programme view counts the same scores (``programme.py``)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TypeVar
from uuid import UUID

import httpx
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kopmod_shared.auth import Principal
from kopmod_shared.clients import FinancingClient, MarketplaceClient
from kopmod_shared.errors import NotFound, ProblemError, UpstreamError, UpstreamUnavailable
from kopmod_shared.schemas.financing import FinancingSummary
from kopmod_shared.schemas.marketplace import MarketSummary
from registry import access
from registry.regions import province_of
from registry.scorecard import rules
from registry.scorecard.repository import ScorecardRepository
from registry.scorecard.rules import AspectName, RegistryFacts, Score, Source
from registry.scorecard.schemas import AspectOut, ScorecardOut, UnavailableSource

log = logging.getLogger(__name__)

T = TypeVar("T")
Maker = async_sessionmaker[AsyncSession]


@dataclass(frozen=True)
class Upstreams:
    financing: FinancingClient
    marketplace: MarketplaceClient
    deadline_seconds: float


def today() -> date:
    return datetime.now(UTC).date()


async def ask(source: Source, call: Awaitable[T], deadline: float) -> T | str:
    """The answer, or why there is none (as text for ``unavailable_reason``)."""
    try:
        return await asyncio.wait_for(call, deadline)
    except TimeoutError:
        reason = f"{source.value} did not answer within {deadline:g} s"
    except (UpstreamUnavailable, UpstreamError) as exc:
        # "financing answered 503", "marketplace unreachable", "financing timed out"
        reason = exc.detail or f"{source.value} unavailable"
    except ProblemError as exc:
        status = exc.extra.get("upstream_status") or exc.status
        reason = f"{source.value} refused the call ({status}): {exc.detail or exc.title}"
    except (httpx.HTTPError, ValidationError, ValueError) as exc:
        reason = f"{source.value} answered something unreadable ({type(exc).__name__})"
    log.warning("scorecard source unavailable", extra={"source": source.value, "reason": reason})
    return reason


def scores_of(
    facts: RegistryFacts,
    financing: FinancingSummary | str,
    market: MarketSummary | str,
) -> list[Score]:
    capital = (
        rules.unavailable(AspectName.access_to_capital, financing)
        if isinstance(financing, str)
        else rules.capital(financing, facts.mentoring_records)
    )
    if isinstance(market, str):
        orientation = rules.unavailable(AspectName.market_orientation, market)
        offtakers = rules.unavailable(AspectName.offtakers, market)
    else:
        orientation, offtakers = rules.market(market), rules.offtakers(market)
    if isinstance(financing, str) or isinstance(market, str):
        missing = "; ".join(r for r in (financing, market) if isinstance(r, str))
        technology = rules.unavailable(AspectName.technology_adoption, missing)
    else:
        technology = rules.technology(facts, financing, market)
    return [
        capital,
        rules.diversification(facts),
        orientation,
        offtakers,
        rules.governance(facts),
        technology,
    ]


def _aspect(s: Score) -> AspectOut:
    return AspectOut(
        name=s.name,
        source=s.source,
        sources=list(s.sources),
        available=s.available,
        score=s.score,
        met=s.met,
        met_at=rules.MET_AT,
        evidence=s.evidence,
        reasons=s.reasons,
        unavailable_reason=s.unavailable_reason,
    )


def unavailable_sources(reasons: dict[Source, str]) -> list[UnavailableSource]:
    return [UnavailableSource(source=s, reason=r) for s, r in sorted(reasons.items())]


async def scorecard(
    maker: Maker, upstreams: Upstreams, principal: Principal, cooperative_id: UUID
) -> ScorecardOut:
    access.ensure_visible(principal, cooperative_id)
    as_of = today()
    # Registry data first, in a session closed before any call leaves.
    async with maker() as session:
        repo = ScorecardRepository(session)
        cooperative = await repo.cooperative(cooperative_id)
        if cooperative is None:
            raise NotFound("no cooperative with this id")
        facts = (await repo.facts([cooperative], as_of))[cooperative.id]
    financing, market = await asyncio.gather(
        ask(
            Source.financing,
            upstreams.financing.financing_summary(cooperative_id),
            upstreams.deadline_seconds,
        ),
        ask(
            Source.marketplace,
            upstreams.marketplace.market_summary(cooperative_id),
            upstreams.deadline_seconds,
        ),
    )
    scores = scores_of(facts, financing, market)
    overall = rules.overall(scores)
    down = {
        source: reason
        for source, reason in ((Source.financing, financing), (Source.marketplace, market))
        if isinstance(reason, str)
    }
    return ScorecardOut(
        cooperative_id=cooperative.id,
        name=cooperative.name,
        province_code=province_of(cooperative.region_code),
        cohort_year=cooperative.cohort_year,
        phase=cooperative.phase,
        as_of=as_of,
        aspects=[_aspect(s) for s in scores],
        readiness=overall.readiness,
        readiness_band=overall.band,
        meets_all_four=overall.meets_all_four,
        partial=overall.partial,
        unavailable=unavailable_sources(down),
    )
