from __future__ import annotations

import concurrent.futures

from alembic import command

from kopmod_shared.testing import alembic_config

from .conftest import SERVICE_DIR


def test_models_and_migrations_agree(database_url):
    cfg = alembic_config(SERVICE_DIR, database_url)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        # Raises when autogenerate would produce operations (models drifted from migrations).
        pool.submit(command.check, cfg).result()


def test_single_head():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(SERVICE_DIR, "postgresql://x/y"))
    assert len(script.get_heads()) == 1


async def test_periodic_offers_get_their_window_capacity_and_it_walks_back():
    """Offers stored before periods were enforced: remaining grows by quantity x (periods - 1),
    what was committed stays committed; the downgrade takes it away again."""
    from datetime import date
    from decimal import Decimal

    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    from kopmod_shared.ids import new_id
    from kopmod_shared.testing import _in_thread, fresh_database
    from marketplace.periods import period_count

    before, this = "7bda0f4872b8", "5c1e0a9f3b72"
    url = fresh_database(SERVICE_DIR, "kopmod_marketplace_periods_migration", migrate=False)
    cfg = alembic_config(SERVICE_DIR, url)
    _in_thread(command.upgrade, cfg, before)
    # (period, start, end, quantity, remaining, status)
    cases = [
        ("monthly", date(2027, 1, 1), date(2027, 6, 30), "10", "10", "open"),  # 6 months
        ("monthly", date(2027, 1, 31), date(2027, 3, 30), "10", "4", "partially_committed"),  # 2
        ("monthly", date(2027, 1, 31), date(2027, 3, 31), "10", "0", "committed"),  # 3 periods
        ("monthly", date(2026, 12, 15), date(2027, 1, 14), "7", "7", "open"),  # exactly 1
        ("weekly", date(2027, 1, 1), date(2027, 1, 15), "2.5", "2.5", "open"),  # 3 (last partial)
        ("weekly", date(2027, 1, 1), date(2027, 1, 14), "2.5", "1", "partially_committed"),  # 2
        ("one_off", date(2027, 1, 1), date(2027, 12, 31), "10", "3", "partially_committed"),
    ]
    engine = create_async_engine(url)
    ids = [new_id() for _ in cases]
    try:
        async with engine.begin() as conn:
            for oid, (period, start, end, qty, rem, status) in zip(ids, cases, strict=True):
                await conn.execute(
                    text(
                        "INSERT INTO supply_offers (id, cooperative_id, cooperative_name, "
                        "commodity_code, quantity, remaining_quantity, entered_quantity, "
                        "entered_unit, base_unit, period, window_start, window_end, latitude, "
                        "longitude, region_code, location_source, asking_price, status) VALUES "
                        "(:id, :coop, 'KSU Tani', 'coffee_green', :q, :r, :q, 'KGM', 'KGM', :p, "
                        ":s, :e, -7.2, 107.9, '32.05', 'given', 50000, :st)"
                    ),
                    {
                        "id": oid,
                        "coop": new_id(),
                        "q": Decimal(qty),
                        "r": Decimal(rem),
                        "p": period,
                        "s": start,
                        "e": end,
                        "st": status,
                    },
                )

        async def stored() -> list[tuple[Decimal, str]]:
            async with engine.connect() as conn:
                rows = await conn.execute(
                    text("SELECT id, remaining_quantity, status FROM supply_offers")
                )
                by_id = {r[0]: (r[1], r[2]) for r in rows}
            return [by_id[i] for i in ids]

        _in_thread(command.upgrade, cfg, this)
        expected_periods = [6, 2, 3, 1, 3, 2, 1]
        assert [period_count(c[0], c[1], c[2]) for c in cases] == expected_periods
        after = await stored()
        assert after == [
            (Decimal("60.000"), "open"),
            (Decimal("14.000"), "partially_committed"),
            (Decimal("20.000"), "partially_committed"),
            (Decimal("7.000"), "open"),
            (Decimal("7.500"), "open"),
            (Decimal("3.500"), "partially_committed"),
            (Decimal("3.000"), "partially_committed"),
        ]
        _in_thread(command.downgrade, cfg, before)
        back = await stored()
        assert back == [(Decimal(c[4]).quantize(Decimal("0.001")), c[5]) for c in cases]
    finally:
        await engine.dispose()
