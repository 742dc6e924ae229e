"""Shared set-up for the registry benchmarks: a fresh, migrated database and an admin token.

The Postgres server is ``KOPMOD_BENCH_DATABASE_URL`` (default: the local server on 5432); the
benchmarks create and drop their own database ``kopmod_registry_bench`` there.
"""

from __future__ import annotations

import csv
import io
import os
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SERVICE_DIR = REPO / "services" / "registry"
DEFAULT_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres"


def bench_database() -> str:
    """Create and migrate ``kopmod_registry_bench``; return its asyncpg URL."""
    os.environ.setdefault(
        "KOPMOD_TEST_DATABASE_URL", os.environ.get("KOPMOD_BENCH_DATABASE_URL", DEFAULT_SERVER)
    )
    from kopmod_shared.testing import fresh_database

    return fresh_database(SERVICE_DIR, "kopmod_registry_bench")


def settings(database_url: str):
    from registry.settings import RegistrySettings

    return RegistrySettings(
        database_url=database_url,
        environment="test",
        token_issuer="http://registry.bench",
        log_json=False,
        log_level="WARNING",
        db_statement_timeout_ms=300_000,
    )


async def admin_token(app, client) -> str:
    from kopmod_shared.auth import Role
    from registry.identity.repository import ApiClientRepository
    from registry.identity.service import ensure_client

    async with app.state.sessionmaker() as session:
        await ensure_client(
            ApiClientRepository(session),
            client_id="bench-admin",
            secret="bench-secret",
            role=Role.admin,
            name="bench",
        )
        await session.commit()
    resp = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=("bench-admin", "bench-secret"),
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


PROVINCE_REGENCIES = {"11": "04", "32": "73", "33": "74", "35": "78", "51": "71", "73": "71"}
TYPES = ["simpan_pinjam", "konsumen", "produsen", "pemasaran", "jasa"]
COMMODITIES = ["090111", "180100", "151110", "100630", "040110", "091011"]


def import_csv(rows: int, seed: int = 7, first: int = 0) -> bytes:
    """``rows`` cooperatives numbered from ``first`` (their identifiers follow the number)."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "name",
            "type",
            "nib",
            "nik_koperasi",
            "founded_on",
            "region_code",
            "latitude",
            "longitude",
            "commodities",
            "legal_decree_number",
            "legal_decree_date",
            "external_id",
            "member_count",
            "address",
        ]
    )
    provinces = list(PROVINCE_REGENCIES)
    for i in range(first, first + rows):
        province = provinces[i % len(provinces)]
        year = rng.randint(1975, 2022)
        writer.writerow(
            [
                f"Koperasi {TYPES[i % 5].replace('_', ' ').title()} Bench {i}",
                TYPES[i % 5],
                f"{7000000000000 + i:013d}",
                f"{9000000000 + i}",
                f"{year}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                f"{province}.{PROVINCE_REGENCIES[province]}.0{rng.randint(1, 9)}"
                f".2{rng.randint(1, 9):03d}",
                f"{rng.uniform(-8.5, 4.5):.5f}",
                f"{rng.uniform(96, 125):.5f}",
                ";".join(rng.sample(COMMODITIES, 2)),
                f"AHU-{i:07d}.AH.01.26.TAHUN {year}",
                f"{year}-12-20",
                f"BENCH-{i}",
                rng.randint(20, 3000),
                f"Jl. Koperasi No. {i}",
            ]
        )
    return out.getvalue().encode()
