"""Queries for agreement signatures."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from financing.papers.models import AgreementSignature


class SignatureRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, signature: AgreementSignature) -> AgreementSignature:
        self.session.add(signature)
        await self.session.flush()
        return signature

    async def of_application(self, application_id: UUID) -> list[AgreementSignature]:
        rows = await self.session.scalars(
            select(AgreementSignature)
            .where(AgreementSignature.application_id == application_id)
            .order_by(AgreementSignature.signed_at, AgreementSignature.id)
        )
        return list(rows)

    async def by_hash(self, terms_hash: str) -> list[AgreementSignature]:
        rows = await self.session.scalars(
            select(AgreementSignature)
            .where(AgreementSignature.terms_hash == terms_hash)
            .order_by(AgreementSignature.signed_at, AgreementSignature.id)
        )
        return list(rows)
