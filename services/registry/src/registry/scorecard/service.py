"""The scorecard and the programme view: read the registry (and close the session), then ask
financing and marketplace, each under a deadline; a source that fails or is late leaves its
aspects unavailable and the answer partial, never an error."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Sequence
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
from registry.cooperatives.models import Cooperative
from registry.regions import province_of
from registry.scorecard import rules
from registry.scorecard.repository import ScorecardRepository
from registry.scorecard.rules import AspectName, RegistryFacts, Score, Source
from registry.scorecard.schemas import AspectOut, ProgrammeOut, ScorecardOut, UnavailableSource

log = logging.getLogger(__name__)

T = TypeVar("T")
Maker = async_sessionmaker[AsyncSession]
CHUNK = 100  # cooperatives per registry page and per bulk call to each service


@dataclass(frozen=True)
class Upstreams:
    financing: FinancingClient
    marketplace: MarketplaceClient
    deadline_seconds: float


def today() -> date:
    return datetime.now(UTC).date()


async def _ask(source: Source, call: Awaitable[T], deadline: float) -> T | str:
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


def _scores(
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


def _unavailable(reasons: dict[Source, str]) -> list[UnavailableSource]:
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
        _ask(
            Source.financing,
            upstreams.financing.financing_summary(cooperative_id),
            upstreams.deadline_seconds,
        ),
        _ask(
            Source.marketplace,
            upstreams.marketplace.market_summary(cooperative_id),
            upstreams.deadline_seconds,
        ),
    )
    scores = _scores(facts, financing, market)
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
        unavailable=_unavailable(down),
    )


@dataclass
class _Tally:
    cooperatives: int = 0
    by_phase: Counter[str] | None = None
    by_band: Counter[str] | None = None
    by_province: Counter[str] | None = None
    met: Counter[AspectName] | None = None
    all_four: int = 0

    def __post_init__(self) -> None:
        self.by_phase, self.by_band = Counter(), Counter()
        self.by_province, self.met = Counter(), Counter()

    def add(self, cooperative: Cooperative, scores: list[Score]) -> None:
        assert self.by_phase is not None and self.by_band is not None
        assert self.by_province is not None and self.met is not None
        overall = rules.overall(scores)
        self.cooperatives += 1
        self.by_phase[cooperative.phase.value if cooperative.phase else "none"] += 1
        self.by_band[overall.band or "unscored"] += 1
        self.by_province[province_of(cooperative.region_code)] += 1
        for s in scores:
            if s.met:
                self.met[s.name] += 1
        if overall.meets_all_four:
            self.all_four += 1


async def _bulk(
    source: Source,
    down: dict[Source, str],
    call: Awaitable[Sequence[T]],
    ids: Sequence[UUID],
    deadline: float,
    key: str,
) -> dict[UUID, T] | None:
    """One bulk answer keyed by cooperative, or None once the source is down."""
    if source in down:
        close = getattr(call, "close", None)
        if close is not None:
            close()  # the coroutine is never awaited: close it quietly
        return None
    answer = await _ask(source, call, deadline)
    if isinstance(answer, str):
        down[source] = answer
        return None
    return {getattr(item, key): item for item in answer if getattr(item, key) in set(ids)}


async def programme(maker: Maker, upstreams: Upstreams, target: int) -> ProgrammeOut:
    """Every cooperative in the programme, a page of 100 at a time: one registry read (session
    closed), then one bulk call to each service for those 100 ids. A source that fails is not
    asked again for the remaining pages; its aspects count as unknown."""
    as_of = today()
    tally = _Tally()
    down: dict[Source, str] = {}
    after: UUID | None = None
    while True:
        async with maker() as session:
            repo = ScorecardRepository(session)
            page = await repo.programme_page(after, CHUNK)
            facts = await repo.facts(page, as_of)
        if not page:
            break
        ids = [c.id for c in page]
        deadline = upstreams.deadline_seconds
        financing, market = await asyncio.gather(
            _bulk(
                Source.financing,
                down,
                upstreams.financing.financing_summaries(ids),
                ids,
                deadline,
                "cooperative_id",
            ),
            _bulk(
                Source.marketplace,
                down,
                upstreams.marketplace.market_summaries(ids),
                ids,
                deadline,
                "cooperative_id",
            ),
        )
        for c in page:
            f: FinancingSummary | str = down.get(Source.financing, "")
            m: MarketSummary | str = down.get(Source.marketplace, "")
            if financing is not None:
                f = financing.get(c.id) or f"{Source.financing.value} did not return it"
            if market is not None:
                m = market.get(c.id) or f"{Source.marketplace.value} did not return it"
            tally.add(c, _scores(facts[c.id], f, m))
        after = page[-1].id
        if len(page) < CHUNK:
            break
    return _programme_out(tally, down, as_of, target)


def _programme_out(
    tally: _Tally, down: dict[Source, str], as_of: date, target: int
) -> ProgrammeOut:
    assert tally.by_phase is not None and tally.by_band is not None
    assert tally.by_province is not None and tally.met is not None
    aspects_met: dict[str, int | None] = {}
    for name in AspectName:
        known = all(source not in down for source in rules.SOURCES_OF[name])
        aspects_met[name.value] = tally.met[name] if known else None
    partial = bool(down)
    meeting = None if partial else tally.all_four
    return ProgrammeOut(
        as_of=as_of,
        cooperatives=tally.cooperatives,
        by_phase=dict(sorted(tally.by_phase.items())),
        by_readiness_band=dict(sorted(tally.by_band.items())),
        by_province=dict(sorted(tally.by_province.items())),
        aspects_met=aspects_met,
        meeting_all_four=meeting,
        target=target,
        target_reached_share=round(meeting / target, 4) if meeting is not None and target else None,
        partial=partial,
        unavailable=_unavailable(down),
    )
