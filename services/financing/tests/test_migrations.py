from __future__ import annotations

import asyncio

from alembic import command

from kopmod_shared.testing import alembic_config

from .conftest import SERVICE_DIR


async def test_models_and_migrations_agree(database_url):
    # alembic check raises when autogenerate would produce any operation.
    await asyncio.to_thread(command.check, alembic_config(SERVICE_DIR, database_url))


async def test_there_is_one_migration_head():
    from alembic.script import ScriptDirectory

    cfg = alembic_config(SERVICE_DIR, "postgresql+asyncpg://unused/unused")
    assert len(ScriptDirectory.from_config(cfg).get_heads()) == 1
