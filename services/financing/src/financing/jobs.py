"""Jobs an operator (or the CLI) can run outside the service process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from typing import Any
from uuid import UUID

import httpx

from financing.applications.eligibility import EligibilityDeps, run_eligibility_retries
from financing.applications.worker import EligibilityWorker
from financing.main import build_marketplace_client, build_registry_client
from financing.settings import FinancingSettings
from kopmod_shared.db import create_engine, make_sessionmaker


@asynccontextmanager
async def _eligibility_deps(settings: FinancingSettings) -> AsyncIterator[EligibilityDeps]:
    engine = create_engine(settings.database_url, application_name="financing-jobs")
    try:
        async with httpx.AsyncClient(timeout=settings.outgoing_timeout_seconds) as http:
            yield EligibilityDeps(
                sessionmaker=make_sessionmaker(engine),
                registry=build_registry_client(settings, http),
                settings=settings,
                marketplace=build_marketplace_client(settings, http),
            )
    finally:
        await engine.dispose()


async def retry_eligibility(
    settings: FinancingSettings | None = None, *, limit: int = 50
) -> dict[str, int]:
    """One round of the eligibility worker: every due check (what its loop does every second)."""
    async with _eligibility_deps(settings or FinancingSettings()) as deps:
        return await run_eligibility_retries(deps, limit=limit)


async def eligibility_worker(settings: FinancingSettings | None = None) -> None:
    """The eligibility worker as its own process, until stopped (the service runs the same loop
    in its lifespan unless ``eligibility_retry_enabled`` is false)."""
    async with _eligibility_deps(settings or FinancingSettings()) as deps:
        await EligibilityWorker(deps).run_forever()


async def end_of_day(
    fund_id: UUID, through: date, settings: FinancingSettings | None = None
) -> dict[str, Any]:
    """Close a fund's business days up to ``through`` (the scheduled end-of-day batch).

    Same rules as ``POST /v1/funds/{id}/end-of-day``; days already closed are skipped, so running
    it twice for the same date changes nothing. Leaves an audit row like every command.
    """
    from financing.arrears import service
    from financing.audit.models import AuditRecord
    from financing.loans.repository import LoanRepository

    settings = settings or FinancingSettings()
    engine = create_engine(settings.database_url, application_name="financing-jobs")
    try:
        async with make_sessionmaker(engine)() as session:
            new_date, runs = await service.end_of_day(
                session, LoanRepository(session), fund_id, through=through, actor="cli"
            )
            session.add(
                AuditRecord(
                    actor="cli",
                    actor_role="operator",
                    action="fund.end_of_day",
                    method="CLI",
                    path="kopmod jobs end-of-day",
                    target_id=fund_id,
                    request={"fund_id": str(fund_id), "through": through.isoformat()},
                    outcome="succeeded",
                    status_code=200,
                )
            )
            await session.commit()
            return {
                "business_date": new_date.isoformat(),
                "days_closed": len(runs),
                "penalties_charged": sum(r.penalties_charged for r in runs),
                "class_changes": sum(len(r.class_changes) for r in runs),
            }
    finally:
        await engine.dispose()


async def rekey_documents(
    settings: FinancingSettings | None = None, *, batch: int = 100
) -> dict[str, int]:
    """Re-encrypt every document not sealed with the current key (``document_key_id``),
    including any stored before encryption; run after making a new key current, then retire the
    old key. Each document is sealed into a new file; its row then names the new file and key,
    and the old file is removed only after that commit, so a failure at any point leaves every
    document readable. Safe to re-run: documents on the current key are skipped."""
    from sqlalchemy import or_, select

    from financing.applications.models import Document
    from financing.documents.storage import LocalDiskStorage
    from financing.documents.vault import DocumentVault
    from kopmod_shared.ids import new_id

    settings = settings or FinancingSettings()
    vault = DocumentVault(LocalDiskStorage(settings.documents_path), settings.document_cipher())
    current = vault.cipher.current
    engine = create_engine(settings.database_url, application_name="financing-jobs")
    moved = 0
    try:
        sessionmaker = make_sessionmaker(engine)
        while True:
            async with sessionmaker() as session:
                rows = (
                    await session.scalars(
                        select(Document)
                        .where(
                            or_(
                                Document.encryption_key_id.is_(None),
                                Document.encryption_key_id != current,
                            )
                        )
                        .order_by(Document.id)
                        .limit(batch)
                        .with_for_update(skip_locked=True)
                    )
                ).all()
                if not rows:
                    break
                replaced: list[str] = []
                for document in rows:
                    old_key = document.storage_key
                    new_key = f"{old_key.rsplit('.', 1)[0]}.{new_id().hex}"
                    plain = await vault.get(old_key, document.encryption_key_id)
                    document.encryption_key_id = await vault.put(new_key, plain)
                    document.storage_key = new_key
                    replaced.append(old_key)
                await session.commit()
            for old_key in replaced:
                await vault.storage.delete(old_key)
            moved += len(rows)
        return {"rekeyed": moved}
    finally:
        await engine.dispose()
