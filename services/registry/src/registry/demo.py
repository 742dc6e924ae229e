"""A realistic demo data set for the registry: a few hundred cooperatives across provinces and
types, with RATs, health assessments, modernisation cohorts, mentoring, products, member groups,
one merger and one spin-off.

Everything goes through the module services, so the data obeys the same rules as the API. Call it
with a session; the caller commits:

    async with app.state.sessionmaker() as session:
        summary = await load_demo_data(session, n=300)
        await session.commit()

Deterministic for a seed; loading the same seed twice adds nothing the second time.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kopmod_shared.auth import Principal, Role
from kopmod_shared.money import quantize
from kopmod_shared.schemas.registry import PHASE_ORDER, CooperativeType
from registry.assessments import service as assessments
from registry.assessments.repository import AssessmentRepository
from registry.assessments.schemas import AssessmentIn
from registry.cooperatives import service as cooperatives
from registry.cooperatives.models import Cooperative
from registry.cooperatives.repository import CooperativeRepository
from registry.cooperatives.schemas import CooperativeCreate, MemberGroupIn
from registry.enums import MemberGroupKind, MembershipArea, MentoringFocus, ScaleBand
from registry.modernisation import service as modernisation
from registry.modernisation.repository import ModernisationRepository
from registry.modernisation.schemas import MentoringIn, StageIn
from registry.products import service as products
from registry.products.repository import ProductRepository
from registry.products.schemas import ProductIn
from registry.rat import service as rat
from registry.rat.repository import RatRepository
from registry.rat.schemas import RatIn, StatementsIn
from registry.restructuring import service as restructuring
from registry.restructuring.schemas import MergerIn, SpinOffIn

DEMO = Principal(client_id="demo-data", role=Role.admin)

# (region code of a regency or city, its name, latitude, longitude)
PLACES = [
    ("11.04", "Aceh Tengah", 4.62, 96.84),
    ("12.71", "Medan", 3.59, 98.67),
    ("13.71", "Padang", -0.95, 100.35),
    ("14.71", "Pekanbaru", 0.51, 101.45),
    ("16.71", "Palembang", -2.98, 104.76),
    ("18.71", "Bandar Lampung", -5.43, 105.26),
    ("31.74", "Jakarta Selatan", -6.26, 106.81),
    ("32.04", "Bandung", -7.02, 107.53),
    ("32.73", "Kota Bandung", -6.91, 107.61),
    ("33.74", "Semarang", -6.97, 110.42),
    ("33.08", "Magelang", -7.47, 110.22),
    ("34.71", "Yogyakarta", -7.80, 110.36),
    ("35.78", "Surabaya", -7.25, 112.75),
    ("35.07", "Malang", -8.05, 112.63),
    ("36.03", "Tangerang", -6.18, 106.63),
    ("51.03", "Badung", -8.58, 115.18),
    ("51.71", "Denpasar", -8.65, 115.22),
    ("52.71", "Mataram", -8.58, 116.12),
    ("53.71", "Kupang", -10.18, 123.60),
    ("61.71", "Pontianak", -0.03, 109.33),
    ("63.71", "Banjarmasin", -3.32, 114.59),
    ("64.72", "Samarinda", -0.50, 117.15),
    ("71.71", "Manado", 1.47, 124.84),
    ("73.71", "Makassar", -5.14, 119.42),
    ("74.71", "Kendari", -3.97, 122.51),
    ("81.71", "Ambon", -3.70, 128.18),
    ("91.71", "Jayapura", -2.53, 140.72),
]

# What each type of cooperative typically does: (sector, [(product, HS code, processed)]).
PROFILES: dict[CooperativeType, list[tuple[str, list[tuple[str, str, bool]]]]] = {
    CooperativeType.simpan_pinjam: [("savings and loans", [])],
    CooperativeType.konsumen: [
        ("retail", [("Beras medium kemasan 5 kg", "100630", True)]),
        ("retail", [("Minyak goreng sawit", "151190", True)]),
    ],
    CooperativeType.produsen: [
        (
            "coffee",
            [("Kopi arabika green bean", "090111", False), ("Kopi sangrai", "090121", True)],
        ),
        ("dairy", [("Susu segar", "040120", False), ("Yoghurt", "040320", True)]),
        ("cocoa", [("Biji kakao fermentasi", "180100", False)]),
        ("palm oil", [("Tandan buah segar", "120710", False), ("CPO", "151110", True)]),
        ("ginger", [("Jahe merah", "091011", False), ("Jahe instan", "091012", True)]),
    ],
    CooperativeType.pemasaran: [
        ("fisheries", [("Udang beku", "030617", True)]),
        ("spices", [("Lada hitam", "090411", False)]),
        ("coconut", [("Kelapa bulat", "080119", False), ("Gula kelapa", "170199", True)]),
    ],
    CooperativeType.jasa: [
        ("transport", []),
        ("construction", []),
        ("tourism", []),
    ],
}

NAMES = {
    CooperativeType.simpan_pinjam: "KSP",
    CooperativeType.konsumen: "Koperasi Konsumen",
    CooperativeType.produsen: "Koperasi Produsen",
    CooperativeType.pemasaran: "Koperasi Pemasaran",
    CooperativeType.jasa: "Koperasi Jasa",
}
WORDS = [
    "Sejahtera",
    "Makmur",
    "Bersama",
    "Mandiri",
    "Sentosa",
    "Maju",
    "Berkah",
    "Harapan",
    "Sumber Rejeki",
    "Tunas Baru",
    "Karya Usaha",
    "Mitra Tani",
    "Bina Usaha",
    "Jaya Abadi",
]
TYPE_WEIGHTS = [
    (CooperativeType.konsumen, 40),
    (CooperativeType.produsen, 25),
    (CooperativeType.simpan_pinjam, 15),
    (CooperativeType.pemasaran, 10),
    (CooperativeType.jasa, 10),
]
MENTORS = [
    "Dinas Koperasi dan UKM",
    "PLUT-KUMKM",
    "LPDB-KUMKM",
    "Universitas Gadjah Mada",
    "Institut Pertanian Bogor",
]


@dataclass(frozen=True)
class DemoSummary:
    cooperatives: int
    rats: int
    health_assessments: int
    products: int
    in_cohorts: int
    merger_id: UUID | None
    spin_off_id: UUID | None
    already_loaded: bool = False


def _money(rng: random.Random, low: int, high: int) -> Decimal:
    return quantize(Decimal(rng.randint(low, high)) * Decimal(1000))


async def load_demo_data(session: AsyncSession, n: int = 300, seed: int = 20240101) -> DemoSummary:
    """Register ``n`` demo cooperatives (and their history) through the services; flushes only."""
    rng = random.Random(seed)
    prefix = f"DEMO-{seed}-"
    repo = CooperativeRepository(session)
    loaded = await session.scalar(
        select(Cooperative.id).where(Cooperative.external_id == f"{prefix}0").limit(1)
    )
    if loaded is not None:
        return DemoSummary(0, 0, 0, 0, 0, None, None, already_loaded=True)

    today = date.today()
    last_due = today.year - 1 if (today.month, today.day) > (6, 30) else today.year - 2
    counts = {"rats": 0, "health": 0, "products": 0, "cohorts": 0}
    created: list[tuple[Cooperative, CooperativeType, str]] = []
    types = [t for t, _ in TYPE_WEIGHTS]
    weights = [w for _, w in TYPE_WEIGHTS]
    for i in range(n):
        kind = rng.choices(types, weights)[0]
        sector, goods = rng.choice(PROFILES[kind])
        code, place, lat, lon = rng.choice(PLACES)
        founded = date(rng.randint(1978, 2021), rng.randint(1, 12), rng.randint(1, 28))
        decree = founded + timedelta(days=rng.randint(30, 240))
        village = f"{rng.choice('12')}{rng.randint(1, 20):03d}"
        region = f"{code}.{rng.randint(1, 12):02d}.{village}"
        multi = i % 25 == 3
        data = CooperativeCreate(
            name=f"{NAMES[kind]} {sector.title()} {place} {rng.choice(WORDS)} {i + 1}",
            type=kind,
            legal_decree_number=f"AHU-{seed % 10000:04d}{i:05d}.AH.01.26.TAHUN {decree.year}",
            legal_decree_date=min(decree, today),
            nib=f"9{seed % 1000:03d}{i:09d}",
            nik_koperasi=f"{code.replace('.', '')}{seed % 1000:03d}{i:09d}",
            founded_on=founded,
            address=f"Jl. {rng.choice(WORDS)} No. {rng.randint(1, 200)}, {place}",
            region_code=region,
            latitude=round(lat + rng.uniform(-0.1, 0.1), 5),
            longitude=round(lon + rng.uniform(-0.1, 0.1), 5),
            business_sectors=[sector],
            commodities=sorted({hs for _, hs, _ in goods}),
            membership_area=rng.choice(list(MembershipArea)),
            scale_band=rng.choices(list(ScaleBand), [60, 25, 10, 5])[0],
            member_count=rng.randint(20, 5000),
            external_id=f"{prefix}{i}",
            member_groups=(
                [
                    MemberGroupIn(
                        kind=MemberGroupKind.founder,
                        name="Pendiri muda",
                        member_count=9,
                        voting_share=Decimal("30"),
                    ),
                    MemberGroupIn(
                        kind=MemberGroupKind.user_producer,
                        name="Petani anggota",
                        member_count=rng.randint(50, 400),
                        voting_share=Decimal("50"),
                    ),
                    MemberGroupIn(
                        kind=MemberGroupKind.investor,
                        name="Investor",
                        member_count=rng.randint(2, 10),
                        voting_share=Decimal("20"),
                    ),
                ]
                if multi
                else None
            ),
        )
        cooperative = await cooperatives.create_cooperative(repo, data, actor=DEMO.client_id)
        created.append((cooperative, kind, sector))

        # RATs for the last few due years; a few cooperatives fall behind.
        diligence = rng.random()
        for year in range(max(founded.year, last_due - 4), last_due + 1):
            if rng.random() > (0.95 if diligence > 0.2 else 0.3):
                continue
            held = date(year + 1, rng.randint(1, 6), rng.randint(1, 28))
            liabilities = _money(rng, 50_000, 5_000_000)
            equity = _money(rng, 100_000, 8_000_000)
            await rat.record_rat(
                RatRepository(session),
                DEMO,
                cooperative.id,
                RatIn(
                    year=year,
                    held_on=held,
                    attendance=rng.randint(10, max(11, (data.member_count or 20) // 2)),
                    members_total=data.member_count,
                    net_surplus=_money(rng, -50_000, 900_000),
                    financials=StatementsIn(
                        assets=liabilities + equity,
                        liabilities=liabilities,
                        equity=equity,
                        revenue=_money(rng, 100_000, 20_000_000),
                    ),
                ),
            )
            counts["rats"] += 1
        for year in (last_due - 1, last_due):
            if year < founded.year or rng.random() < 0.3:
                continue
            await assessments.record_assessment(
                AssessmentRepository(session),
                DEMO,
                cooperative.id,
                AssessmentIn(
                    year=year,
                    score=Decimal(rng.randint(4000, 9800)) / 100,
                    assessed_on=min(date(year + 1, rng.randint(7, 11), rng.randint(1, 28)), today),
                    assessor=f"Dinas Koperasi {place}",
                ),
            )
            counts["health"] += 1
        for name, hs, processed in goods:
            await products.add_product(
                ProductRepository(session),
                DEMO,
                cooperative.id,
                ProductIn(
                    name=name,
                    hs_code=hs,
                    processed=processed,
                    domestic_market=True,
                    export_market=rng.random() < 0.3,
                ),
            )
            counts["products"] += 1
        first_cohort = max(2021, founded.year + 1)
        if (
            kind is not CooperativeType.simpan_pinjam
            and first_cohort <= 2024
            and rng.random() < 0.35
        ):
            cohort = rng.randint(first_cohort, 2024)
            steps = PHASE_ORDER[: rng.randint(1, min(4, today.year - cohort + 1))]
            for offset, phase in enumerate(steps):
                if date(cohort + offset, 2, 1) > today:
                    break
                await modernisation.record_stage(
                    ModernisationRepository(session),
                    DEMO,
                    cooperative.id,
                    StageIn(
                        phase=phase, cohort_year=cohort, started_on=date(cohort + offset, 2, 1)
                    ),
                )
            await modernisation.record_mentoring(
                ModernisationRepository(session),
                DEMO,
                cooperative.id,
                MentoringIn(
                    focus=rng.sample(list(MentoringFocus), 2),
                    mentor=f"Pendamping {rng.choice(WORDS)}",
                    mentor_organisation=rng.choice(MENTORS),
                    started_on=date(cohort, 3, 1),
                    ended_on=date(cohort, 12, 15),
                    outcome="Business plan and offtaker partnership prepared",
                ),
            )
            counts["cohorts"] += 1

    merger_id = await _demo_merger(repo, created)
    spin_off_id = await _demo_spin_off(repo, created, rng)
    return DemoSummary(
        cooperatives=n + (1 if spin_off_id else 0),
        rats=counts["rats"],
        health_assessments=counts["health"],
        products=counts["products"],
        in_cohorts=counts["cohorts"],
        merger_id=merger_id,
        spin_off_id=spin_off_id,
    )


async def _demo_merger(
    repo: CooperativeRepository, created: list[tuple[Cooperative, CooperativeType, str]]
) -> UUID | None:
    """Two consumer cooperatives of one province absorbed by a third."""
    by_province: dict[str, list[Cooperative]] = {}
    for c, kind, _ in created:
        if kind is CooperativeType.konsumen:
            by_province.setdefault(c.region_code[:2], []).append(c)
    group = next((g for g in by_province.values() if len(g) >= 3), None)
    if group is None:
        return None
    successor, *absorbed = group[:3]
    event = await restructuring.merge(
        repo,
        MergerIn(
            predecessor_ids=[c.id for c in absorbed],
            successor_id=successor.id,
            effective_on=date.today() - timedelta(days=120),
            decree_number="AHU-DEMO-MERGER.AH.01.27",
            note="Amalgamation of neighbouring consumer cooperatives (demo data)",
        ),
        actor=DEMO.client_id,
    )
    return event.id


async def _demo_spin_off(
    repo: CooperativeRepository,
    created: list[tuple[Cooperative, CooperativeType, str]],
    rng: random.Random,
) -> UUID | None:
    """A savings-and-loan cooperative founds a housing-construction cooperative."""
    parent = next((c for c, kind, _ in created if kind is CooperativeType.simpan_pinjam), None)
    if parent is None:
        return None
    founded = date.today() - timedelta(days=200)
    event = await restructuring.spin_off(
        repo,
        SpinOffIn(
            parent_id=parent.id,
            effective_on=founded,
            note="Real-sector business a KSP may not run itself (demo data)",
            successor=CooperativeCreate(
                name=f"Koperasi Jasa Konstruksi dan Perumahan {parent.name.split()[-2]}",
                type=CooperativeType.jasa,
                legal_decree_number="AHU-DEMO-SPINOFF.AH.01.26",
                legal_decree_date=founded,
                nib=f"8{rng.randint(0, 10**12 - 1):012d}",
                founded_on=founded,
                address=parent.address,
                region_code=parent.region_code,
                latitude=parent.latitude,
                longitude=parent.longitude,
                business_sectors=["construction", "housing"],
                member_count=25,
            ),
        ),
        actor=DEMO.client_id,
    )
    return event.id
