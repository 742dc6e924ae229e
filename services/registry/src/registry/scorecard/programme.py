"""The programme view for the ministry: every cooperative in the modernisation programme, scored
as its scorecard is, counted by phase and readiness band, by province, by cohort, with the
programme's mentoring and the progress to the target of modern cooperatives.

The registry is read a page of 100 at a time (each session closed before any call leaves), then
financing and the marketplace once each per 100 ids (bulk summaries): the first page alone, the
others up to four at a time; a source that fails is not asked for the pages not yet asked and
its aspects count as unknown."""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from kopmod_shared.money import RATIO, quantize
from kopmod_shared.schemas.financing import FinancingSummary
from kopmod_shared.schemas.marketplace import MarketSummary
from registry.cooperatives.models import Cooperative
from registry.regions import PROVINCES, province_of
from registry.scorecard import rules
from registry.scorecard.repository import ProgrammeFilter, ScorecardRepository
from registry.scorecard.rules import AspectName, RegistryFacts, Score, Source
from registry.scorecard.schemas import (
    ProgrammeCohortOut,
    ProgrammeMentoringOut,
    ProgrammeOut,
    ProgrammeProvinceOut,
)
from registry.scorecard.service import (
    Maker,
    Upstreams,
    ask,
    scores_of,
    today,
    unavailable_sources,
)

T = TypeVar("T")
CHUNK = 100  # cooperatives per registry page and per bulk call to each service
PARALLEL_PAGES = 4  # bulk calls in flight at once to each service, after the first page
NO_PHASE = "none"
UNSCORED = "unscored"


@dataclass
class _Group:
    """Counts of one slice of the programme (a province, a cohort)."""

    cooperatives: int = 0
    by_band: Counter[str] = field(default_factory=Counter)
    by_phase: Counter[str] = field(default_factory=Counter)
    all_four: int = 0
    mentored: int = 0


@dataclass
class _Tally:
    cooperatives: int = 0
    by_phase: Counter[str] = field(default_factory=Counter)
    by_band: Counter[str] = field(default_factory=Counter)
    by_phase_band: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter)
    )
    met: Counter[AspectName] = field(default_factory=Counter)
    all_four: int = 0
    provinces: defaultdict[str, _Group] = field(default_factory=lambda: defaultdict(_Group))
    cohorts: defaultdict[int | None, _Group] = field(default_factory=lambda: defaultdict(_Group))
    mentored: int = 0
    mentoring_open: int = 0
    mentoring_records: int = 0
    mentoring_focus: Counter[str] = field(default_factory=Counter)
    mentored_by_band: Counter[str] = field(default_factory=Counter)

    def add(self, cooperative: Cooperative, facts: RegistryFacts, scores: list[Score]) -> None:
        overall = rules.overall(scores)
        band = overall.band or UNSCORED
        phase = cooperative.phase.value if cooperative.phase else NO_PHASE
        mentored = facts.mentoring_records > 0
        self.cooperatives += 1
        self.by_phase[phase] += 1
        self.by_band[band] += 1
        self.by_phase_band[phase][band] += 1
        for s in scores:
            if s.met:
                self.met[s.name] += 1
        if overall.meets_all_four:
            self.all_four += 1
        for group in (
            self.provinces[province_of(cooperative.region_code)],
            self.cohorts[cooperative.cohort_year],
        ):
            group.cooperatives += 1
            group.by_band[band] += 1
            group.by_phase[phase] += 1
            group.all_four += 1 if overall.meets_all_four else 0
            group.mentored += 1 if mentored else 0
        if mentored:
            self.mentored += 1
            self.mentored_by_band[band] += 1
        self.mentoring_records += facts.mentoring_records
        self.mentoring_open += facts.open_mentoring
        self.mentoring_focus.update(facts.mentoring_focus)


async def _bulk(
    source: Source,
    down: dict[Source, str],
    call: Awaitable[Sequence[T]],
    ids: Sequence[UUID],
    deadline: float,
) -> dict[UUID, T] | None:
    """One bulk answer keyed by cooperative, or None once the source is down."""
    if source in down:
        close = getattr(call, "close", None)
        if close is not None:
            close()  # the coroutine is never awaited: close it quietly
        return None
    answer = await ask(source, call, deadline)
    if isinstance(answer, str):
        down[source] = answer
        return None
    wanted = set(ids)
    return {item.cooperative_id: item for item in answer if item.cooperative_id in wanted}


async def programme(
    maker: Maker, upstreams: Upstreams, target: int, where: ProgrammeFilter
) -> ProgrammeOut:
    as_of = today()
    tally = _Tally()
    down: dict[Source, str] = {}
    pages: list[tuple[list[Cooperative], dict[UUID, RegistryFacts]]] = []
    after: UUID | None = None
    while True:
        async with maker() as session:
            repo = ScorecardRepository(session)
            page = await repo.programme_page(after, CHUNK, where)
            facts = await repo.facts(page, as_of)
        if not page:
            break
        pages.append((page, facts))
        after = page[-1].id
        if len(page) < CHUNK:
            break

    async def upstream(page: list[Cooperative]) -> tuple[Any, Any]:
        ids = [c.id for c in page]
        deadline = upstreams.deadline_seconds
        return await asyncio.gather(
            _bulk(
                Source.financing, down, upstreams.financing.financing_summaries(ids), ids, deadline
            ),
            _bulk(
                Source.marketplace, down, upstreams.marketplace.market_summaries(ids), ids, deadline
            ),
        )

    limit = asyncio.Semaphore(PARALLEL_PAGES)

    async def bounded(page: list[Cooperative]) -> tuple[Any, Any]:
        async with limit:
            return await upstream(page)

    # The first page alone: a source found down is then not asked for the others; the rest
    # side by side (five pages one after another were five round trips to each service).
    answers = [await upstream(pages[0][0])] if pages else []
    answers += await asyncio.gather(*(bounded(page) for page, _ in pages[1:]))
    for (page, facts), (financing, market) in zip(pages, answers, strict=True):
        for c in page:
            f: FinancingSummary | str = down.get(Source.financing, "")
            m: MarketSummary | str = down.get(Source.marketplace, "")
            if financing is not None:
                f = financing.get(c.id) or f"{Source.financing.value} did not return it"
            if market is not None:
                m = market.get(c.id) or f"{Source.marketplace.value} did not return it"
            tally.add(c, facts[c.id], scores_of(facts[c.id], f, m))
    return _out(tally, down, as_of, target, where)


def _known(count: int, partial: bool) -> int | None:
    return None if partial else count


def _out(
    tally: _Tally, down: dict[Source, str], as_of: date, target: int, where: ProgrammeFilter
) -> ProgrammeOut:
    aspects_met: dict[str, int | None] = {}
    for name in AspectName:
        known = all(source not in down for source in rules.SOURCES_OF[name])
        aspects_met[name.value] = tally.met[name] if known else None
    partial = bool(down)
    meeting = _known(tally.all_four, partial)
    return ProgrammeOut(
        as_of=as_of,
        province=where.province,
        cohort_year=where.cohort_year,
        cooperatives=tally.cooperatives,
        by_phase=dict(sorted(tally.by_phase.items())),
        by_readiness_band=dict(sorted(tally.by_band.items())),
        by_phase_and_band={
            phase: dict(sorted(bands.items()))
            for phase, bands in sorted(tally.by_phase_band.items())
        },
        by_province=dict(sorted((code, g.cooperatives) for code, g in tally.provinces.items())),
        provinces=[
            ProgrammeProvinceOut(
                province_code=code,
                name=PROVINCES.get(code, code),
                cooperatives=g.cooperatives,
                by_readiness_band=dict(sorted(g.by_band.items())),
                meeting_all_four=_known(g.all_four, partial),
                mentored=g.mentored,
            )
            for code, g in sorted(tally.provinces.items())
        ],
        cohorts=[
            ProgrammeCohortOut(
                cohort_year=year,
                cooperatives=g.cooperatives,
                by_phase=dict(sorted(g.by_phase.items())),
                by_readiness_band=dict(sorted(g.by_band.items())),
                meeting_all_four=_known(g.all_four, partial),
                mentored=g.mentored,
            )
            for year, g in sorted(tally.cohorts.items(), key=lambda kv: (kv[0] is None, kv[0]))
        ],
        mentoring=ProgrammeMentoringOut(
            cooperatives_mentored=tally.mentored,
            records=tally.mentoring_records,
            open_records=tally.mentoring_open,
            by_focus=dict(sorted(tally.mentoring_focus.items())),
            mentored_by_readiness_band=dict(sorted(tally.mentored_by_band.items())),
        ),
        aspects_met=aspects_met,
        meeting_all_four=meeting,
        target=target,
        target_reached_share=(
            quantize(Decimal(meeting) / target, RATIO.unit)
            if meeting is not None and target
            else None
        ),
        remaining_to_target=max(0, target - meeting) if meeting is not None else None,
        partial=partial,
        unavailable=unavailable_sources(down),
    )
