"""The market of the demo data set, so a newcomer sees one: two offtakers, coffee offers of the
registry's demo producer cooperatives nearest the coffee buyer, its demand matched into
proposals (the nearest cooperative's accepted and signed into a contract with a delivery
noticed and waiting for the offtaker, one countered and awaiting the offtaker, the others
awaiting their cooperatives), and the nearest cooperative's cocoa matched to an exporter's
demand, a proposal awaiting that cooperative's answer.

Everything goes through the services' own functions, as the API would; the offtakers' ids are
derived from the seed, so the console's demo people can be bound to them, and loading twice
adds nothing."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.deferred import defer_inserts, write_deferred
from kopmod_shared.schemas.registry import CooperativeSummary, CooperativeType
from marketplace.contracts import deliveries
from marketplace.contracts.schemas import DeliveryNoticeCreate
from marketplace.demands import service as demands
from marketplace.demands.models import Demand
from marketplace.demands.schemas import DemandCreate
from marketplace.geo import haversine_km
from marketplace.matching import service as matching
from marketplace.offers import service as offers
from marketplace.offers.schemas import OfferCreate
from marketplace.offtakers.models import Offtaker
from marketplace.offtakers.repository import OfftakerRepository
from marketplace.proposals import service as proposals
from marketplace.proposals.repository import ProposalRepository
from marketplace.proposals.schemas import Confirmation, Counter
from marketplace.settings import MarketplaceSettings

NAMESPACE = uuid.UUID("7d1c4a52-3b0e-4f43-9a51-6b1f0c2e8d10")
SUPPLYING = (CooperativeType.produsen, CooperativeType.pemasaran)
# (name, kind, region, latitude, longitude, contact, e-mail)
OFFTAKERS = [
    ("PT Kopi Nusantara Demo", "processor", "32.73", -6.91, 107.61, "Siti Rahma", "siti"),
    ("PT Kakao Ekspor Demo", "exporter", "35.78", -7.25, 112.75, "Budi Santoso", "budi"),
]
COFFEE_GRADES = ["mutu_1", "mutu_2", "mutu_3"]


def offtaker_id(seed: int, index: int) -> UUID:
    """The demo offtaker's id: the same for the same seed (the console binds demo people)."""
    return uuid.uuid5(NAMESPACE, f"demo-offtaker-{seed}-{index}")


@dataclass
class MarketDemo:
    offtakers: list[UUID] = field(default_factory=list)
    offers: int = 0
    demands: int = 0
    proposals: int = 0
    contracts: int = 0
    # Cooperatives with a proposal, whose people see a market at once; the featured one has a
    # contract with a delivery noticed and a proposal waiting for its answer.
    cooperatives: list[UUID] = field(default_factory=list)
    featured_cooperative: UUID | None = None
    already_loaded: bool = False

    def __str__(self) -> str:
        counts = (
            f"offers={self.offers} demands={self.demands} proposals={self.proposals} "
            f"contracts={self.contracts} already_loaded={self.already_loaded}"
        )
        if not self.offtakers:
            return counts
        return (
            f"{counts}\n  offtakers: {', '.join(str(o) for o in self.offtakers)}"
            f"\n  featured cooperative: {self.featured_cooperative}"
        )


def _principal(role: Role, org: UUID) -> Principal:
    return Principal(client_id=f"demo-{role.value}", role=role, org_id=org)


async def load_demo_market(
    session: AsyncSession,
    cooperatives: Sequence[CooperativeSummary],
    settings: MarketplaceSettings,
    seed: int = 20240101,
) -> MarketDemo:
    """Load the demo market next to ``cooperatives`` (the registry's demo ones); flushes only."""
    repo = OfftakerRepository(session)
    if await repo.get(offtaker_id(seed, 0)) is not None:
        return MarketDemo(already_loaded=True)
    out = MarketDemo()
    buyers = []
    for i, (name, kind, region, lat, lon, contact, mail) in enumerate(OFFTAKERS):
        buyers.append(
            await repo.add(
                Offtaker(
                    id=offtaker_id(seed, i),
                    name=name,
                    kind=kind,
                    region_code=region,
                    latitude=lat,
                    longitude=lon,
                    verification_status="verified",
                    contact_name=contact,
                    contact_email=f"{mail}@demo.kopmod.id",
                )
            )
        )
        out.offtakers.append(buyers[-1].id)
    coffee_buyer, cocoa_buyer = buyers
    today = datetime.now(UTC).date()
    suppliers = sorted(
        (
            c
            for c in cooperatives
            if c.type in SUPPLYING and c.latitude is not None and c.longitude is not None
        ),
        key=lambda c: _distance(coffee_buyer, c),
    )[:4]
    for n, coop in enumerate(suppliers):
        await offers.create(
            session,
            cooperative=coop,
            data=OfferCreate(
                commodity_code="coffee_green",
                grade=COFFEE_GRADES[n % len(COFFEE_GRADES)],
                quantity=Decimal(3 + n),
                unit="TNE",
                window_start=today,
                window_end=today + timedelta(days=120),
                asking_price=Decimal(48000 + 1500 * n),
            ),
        )
        out.offers += 1
    radius = min(5000.0, max((_distance(coffee_buyer, c) for c in suppliers), default=0) + 100)
    coffee = await _demand(session, coffee_buyer, "coffee_green", today, radius, settings)
    out.demands = 1
    if not suppliers:
        return out
    featured = suppliers[0]
    out.featured_cooperative = featured.id
    # The featured cooperative also grows cocoa, which the exporter wants: a proposal waiting
    # for its answer (the exporter is far away, so its demand's radius reaches that far).
    await offers.create(
        session,
        cooperative=featured,
        data=OfferCreate(
            commodity_code="cocoa_beans",
            grade="mutu_1",
            quantity=Decimal(5),
            unit="TNE",
            window_start=today,
            window_end=today + timedelta(days=120),
            asking_price=Decimal(52000),
        ),
    )
    out.offers += 1
    cocoa = await _demand(
        session,
        cocoa_buyer,
        "cocoa_beans",
        today,
        min(5000.0, _distance(cocoa_buyer, featured) + 100),
        settings,
    )
    out.demands += 1
    for buyer, demand in ((coffee_buyer, coffee), (cocoa_buyer, cocoa)):
        await matching.run_for_demand(
            session, _principal(Role.offtaker, buyer.id), demand.id, settings, propose=True
        )
    made = [r[0] for r in await ProposalRepository(session).page(100, None, demand_id=coffee.id)]
    out.proposals = len(made) + 1
    out.cooperatives = sorted({p.cooperative_id for p in made} | {featured.id})
    # The featured cooperative's coffee proposal first (if the matcher gave it a part).
    made.sort(key=lambda p: p.cooperative_id != featured.id)
    for k, p in enumerate(made):
        as_coop = _principal(Role.cooperative, p.cooperative_id)
        if k == 0:  # accepted, signed, and a delivery noticed for the offtaker to answer
            defer_inserts(session)  # as the route does; written before the confirmation
            await proposals.accept(session, as_coop, p.id, "siap kirim")
            await write_deferred(session)
            contract = await proposals.confirm(
                session, _principal(Role.offtaker, coffee_buyer.id), p.id, Confirmation()
            )
            out.contracts += 1
            await deliveries.notify_delivery(
                session,
                as_coop,
                contract.id,
                DeliveryNoticeCreate(
                    delivered_on=today,
                    quantity_delivered=min(Decimal(500), contract.quantity),
                    note="Truk D 1234 AB, surat jalan 001",
                ),
            )
        elif k == 1:  # countered by the cooperative: the offtaker's turn
            defer_inserts(session)
            await proposals.counter(
                session,
                as_coop,
                p.id,
                Counter(unit_price=p.unit_price + Decimal(1500), note="harga panen naik"),
                settings.proposal_ttl_hours,
            )
            await write_deferred(session)
        # the others wait for their cooperative's answer
    return out


def _distance(buyer: Offtaker, coop: CooperativeSummary) -> float:
    assert coop.latitude is not None and coop.longitude is not None
    return haversine_km(buyer.latitude, buyer.longitude, coop.latitude, coop.longitude)


async def _demand(
    session: AsyncSession,
    buyer: Offtaker,
    commodity: str,
    today: date,
    radius: float,
    settings: MarketplaceSettings,
) -> Demand:
    graded = commodity == "coffee_green"
    return await demands.create(
        session,
        offtaker=buyer,
        data=DemandCreate.model_validate(
            {
                "commodity_code": commodity,
                "min_grade": "mutu_3" if graded else None,
                "quantity": "8" if graded else "20",
                "unit": "TNE",
                "min_lot": "1",
                "window_start": (today + timedelta(days=7)).isoformat(),
                "window_end": (today + timedelta(days=90)).isoformat(),
                "delivery": {
                    "latitude": buyer.latitude,
                    "longitude": buyer.longitude,
                    "region_code": buyer.region_code,
                    "place_name": f"Gudang {buyer.name}",
                },
                "max_distance_km": radius,
                "price": {"type": "range", "floor": "45000", "ceiling": "60000"},
                "payment_terms": {"days": 14, "description": "transfer setelah diterima"},
                "market": "domestic" if graded else "export",
                "incoterm": "DAP" if graded else "FOB",
                "incoterm_place": "Bandung" if graded else "Tanjung Perak",
            }
        ),
        default_radius_km=settings.default_radius_km,
    )
