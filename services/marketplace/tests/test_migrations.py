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
