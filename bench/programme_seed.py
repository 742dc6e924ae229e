"""Financing and market data for the programme-view bench: loans and contracts of the programme's
cooperatives, built by the services' own code and cloned by SQL.

- Financing: ``financing_scale.build_templates`` (20 loans through the real API, disbursed, with
  eleven months of repayments on time, late, partial or missing, and end of day every day),
  cloned by ``financing_seed.clone`` (every row a loan has: account, installment balances,
  transactions, journal), then each loan given to one of the cooperatives in turn, so each
  cooperative has ``loans_per_cooperative`` loans with a year of history.
- Marketplace (in a subprocess: the services' test packages are both called ``tests``): one
  cooperative's two contracts built through the real API with the marketplace tests' helpers
  (a domestic one with a milestone due today and a delivery accepted in part, an export one
  due later), then its proposals, contracts, milestones and deliveries copied by SQL to every
  cooperative of the programme.

    python bench/programme_seed.py market DATABASE_URL IDS_FILE   (the subprocess)
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


async def seed_financing(url: str, cooperative_ids: list[uuid.UUID], per: int) -> int:
    """Loans for every cooperative; answers how many loans the fund has."""
    import financing_seed
    import httpx
    from financing_scale import build_templates, template_ids
    from sqlalchemy import text

    from financing.main import create_app
    from financing.settings import FinancingSettings
    from kopmod_shared.testing import TestIssuer, running

    issuer = TestIssuer()
    app = create_app(
        FinancingSettings(
            database_url=url,
            environment="test",
            token_issuer=issuer.issuer,
            log_level="WARNING",
            log_json=False,
            eligibility_retry_enabled=False,
            documents_dir=Path("/tmp/kopmod-bench-documents"),
        ),
        key_source=issuer.key_source,
    )

    def h(role: str, **kw: Any) -> dict[str, str]:
        return issuer.headers(role, audience="kopmod-financing", **kw)

    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://financing.bench") as c:
            fund = await build_templates(c, app, h)
        templates = await template_ids(app, fund)
        wanted = len(cooperative_ids) * per
        copies = max(0, -(-wanted // len(templates)) - 1)
        await financing_seed.clone(app, fund.id, templates, copies)
        async with app.state.sessionmaker() as session:
            # Loan k (in id order) to cooperative k mod n; loans past n x per are left to
            # the templates' own (random) cooperatives.
            await session.execute(
                text(
                    "UPDATE loans l SET cooperative_id = c.id FROM "
                    "(SELECT id, row_number() OVER (ORDER BY id) AS k FROM loans "
                    "WHERE fund_id = :f) x, unnest(CAST(:ids AS uuid[])) WITH ORDINALITY c(id, n) "
                    "WHERE l.id = x.id AND x.k <= :wanted AND c.n = 1 + (x.k - 1) % :count"
                ),
                {
                    "f": fund.id,
                    "ids": cooperative_ids,
                    "wanted": wanted,
                    "count": len(cooperative_ids),
                },
            )
            await session.execute(text("ANALYZE loans"))
            total = await session.scalar(text("SELECT count(*) FROM loans"))
            await session.commit()
    return int(total or 0)


def seed_market(url: str, cooperative_ids: list[uuid.UUID]) -> int:
    """Contracts for every cooperative (in a subprocess); answers how many contracts exist."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump([str(i) for i in cooperative_ids], f)
    done = subprocess.run(
        [sys.executable, str(Path(__file__)), "market", url, f.name],
        cwd=REPO / "services" / "marketplace",
        check=True,
        capture_output=True,
        text=True,
    )
    Path(f.name).unlink()
    return int(done.stdout.strip().splitlines()[-1])


# Copies of the template cooperative's contracts (with their proposals, milestones and
# deliveries) for each cooperative in ``cmap``; every other column as the template has it.
_COPY = [
    "CREATE TEMP TABLE cmap ON COMMIT DROP AS SELECT c.id AS old, k.id AS cooperative, "
    "gen_random_uuid() AS new, gen_random_uuid() AS proposal FROM contracts c "
    "CROSS JOIN unnest(CAST(:ids AS uuid[])) k(id) WHERE c.cooperative_id = :template",
    "CREATE TEMP TABLE mmap ON COMMIT DROP AS SELECT x.id AS old, m.new AS contract, "
    "gen_random_uuid() AS new FROM contract_milestones x JOIN cmap m ON m.old = x.contract_id",
]
_TABLES = [
    (
        "proposals",
        {"id": "m.proposal", "cooperative_id": "m.cooperative"},
        "JOIN contracts c ON c.proposal_id = x.id JOIN cmap m ON m.old = c.id",
    ),
    (
        "contracts",
        {"id": "m.new", "proposal_id": "m.proposal", "cooperative_id": "m.cooperative"},
        "JOIN cmap m ON m.old = x.id",
    ),
    (
        "contract_milestones",
        {"id": "mm.new", "contract_id": "mm.contract"},
        "JOIN mmap mm ON mm.old = x.id",
    ),
    (
        "deliveries",
        {"id": "gen_random_uuid()", "contract_id": "mm.contract", "milestone_id": "mm.new"},
        "JOIN mmap mm ON mm.old = x.milestone_id",
    ),
]


async def _market(url: str, ids: list[uuid.UUID]) -> int:
    sys.path.insert(0, str(REPO / "services" / "marketplace"))
    import httpx
    from sqlalchemy import text
    from tests.fake_registry import FakeRegistry
    from tests.summaries.test_summaries import _two_markets

    from kopmod_shared.testing import TestIssuer, running
    from marketplace.main import create_app
    from marketplace.settings import MarketplaceSettings
    from tests.conftest import BASE_URL, Actors

    issuer, registry = TestIssuer(), FakeRegistry()
    http = registry.http_client()
    settings = MarketplaceSettings(
        database_url=url,
        environment="test",
        token_issuer=issuer.issuer,
        registry_url="http://registry.test",
        log_json=False,
        log_level="WARNING",
        relay_enabled=False,
    )
    app = create_app(settings, key_source=issuer.key_source, registry_http=http)
    async with running(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as c:
            template, *_ = await _two_markets(c, Actors(issuer), registry)
        async with app.state.sessionmaker() as session:
            conn = await session.connection()
            await conn.execute(text("SET LOCAL statement_timeout = 0"))
            for statement in _COPY:
                await conn.execute(text(statement), {"ids": ids, "template": template})
            for table, fresh, joins in _TABLES:
                cols = [
                    r[0]
                    for r in await conn.execute(
                        text(
                            "SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = :t AND is_generated = 'NEVER' "
                            "ORDER BY ordinal_position"
                        ),
                        {"t": table},
                    )
                ]
                select = ", ".join(fresh.get(col, f"x.{col}") for col in cols)
                await conn.execute(
                    text(
                        f"INSERT INTO {table} ({', '.join(cols)}) "
                        f"SELECT {select} FROM {table} x {joins}"
                    )
                )
            await conn.execute(text("ANALYZE"))
            total = await conn.scalar(text("SELECT count(*) FROM contracts"))
            await session.commit()
    await http.aclose()
    return int(total or 0)


if __name__ == "__main__" and sys.argv[1:2] == ["market"]:
    wanted = [uuid.UUID(i) for i in json.loads(Path(sys.argv[3]).read_text())]
    print(asyncio.run(_market(sys.argv[2], wanted)))
