"""``/healthz`` (process alive) and ``/readyz`` (database reachable, migrations at head)."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from kopmod_shared.errors import PROBLEM_JSON, ServiceUnavailable


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    database: str
    migration: str | None
    expected_migration: str | None


def alembic_heads(alembic_ini: Path) -> set[str]:
    cfg = Config(str(alembic_ini))
    cfg.set_main_option("script_location", str(alembic_ini.parent / "migrations"))
    return set(ScriptDirectory.from_config(cfg).get_heads())


def health_router() -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz", response_model=Health, summary="Liveness: the process answers")
    async def healthz() -> Health:
        return Health(status="ok")

    @router.get(
        "/readyz",
        response_model=Readiness,
        summary="Readiness: database reachable and migrations at head",
        responses={503: {"description": "Not ready", "content": {PROBLEM_JSON: {}}}},
    )
    async def readyz(request: Request) -> Readiness | JSONResponse:
        heads: set[str] = request.app.state.migration_heads
        expected = ",".join(sorted(heads)) or None
        try:
            async with request.app.state.engine.connect() as conn:
                rows = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        except Exception as exc:  # any failure to reach the database means not ready
            problem = ServiceUnavailable(
                "database unreachable", reason=type(exc).__name__, expected_migration=expected
            )
            return JSONResponse(problem.to_problem("/readyz"), 503, media_type=PROBLEM_JSON)
        current = {r[0] for r in rows}
        if current != heads:
            problem = ServiceUnavailable(
                "database schema is not at the expected migration",
                migration=",".join(sorted(current)) or None,
                expected_migration=expected,
            )
            return JSONResponse(problem.to_problem("/readyz"), 503, media_type=PROBLEM_JSON)
        return Readiness(
            status="ready",
            database="ok",
            migration=",".join(sorted(current)),
            expected_migration=expected,
        )

    return router
