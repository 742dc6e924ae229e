"""Applications, their event history, eligibility checks, credit assessments and documents."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ARRAY, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB, UUID
from sqlalchemy.orm import Mapped, mapped_column, query_expression

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL, RATE_SQL


class Application(Base):
    __tablename__ = "applications"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    cooperative_id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), index=True)
    product_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("products.id"), index=True)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    status: Mapped[str] = mapped_column(String(30), index=True)
    requested_amount: Mapped[Decimal] = mapped_column(MONEY_SQL)
    tenor_periods: Mapped[int] = mapped_column(Integer)
    grace_periods: Mapped[int] = mapped_column(Integer, default=0)
    purpose: Mapped[str] = mapped_column(Text)
    # [{"item": str, "amount": "decimal"}], adding up to the requested amount.
    use_of_funds: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    # [{"planned_date": "YYYY-MM-DD" | null, "amount": "decimal"}]
    tranche_plan: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    offtake_contract_ids: Mapped[list[uuid.UUID]] = mapped_column(
        ARRAY(UUID(as_uuid=True)), default=list
    )
    province_code: Mapped[str | None] = mapped_column(String(2))
    created_by: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    updated_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), onupdate=func.now()
    )
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Eligibility waits here while the registry is unreachable; the retry job reads them.
    eligibility_attempts: Mapped[int] = mapped_column(Integer, default=0)
    eligibility_next_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True), index=True
    )
    eligibility_last_error: Mapped[str | None] = mapped_column(Text)
    # Committee decision.
    approved_amount: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    approved_tenor_periods: Mapped[int | None] = mapped_column(Integer)
    approved_grace_periods: Mapped[int | None] = mapped_column(Integer)
    tariff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("product_tariffs.id"))
    tariff_rate: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    annual_rate: Mapped[Decimal | None] = mapped_column(RATE_SQL)
    approved_on: Mapped[date | None] = mapped_column(Date)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decision_reason: Mapped[str | None] = mapped_column(Text)
    # The loan signing created (the agreement's first loan); never changes.
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    # Not a column: the loan servicing the application now (``loan_id`` or the last successor
    # of its reschedules), filled in by the repository's reads (``with_current_loan``).
    current_loan_id: Mapped[uuid.UUID | None] = query_expression()


class ApplicationEvent(Base):
    """Every state change and review step: who, what, when, why (also the four-eyes record)."""

    __tablename__ = "application_events"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(30))
    to_status: Mapped[str] = mapped_column(String(30))
    actor: Mapped[str] = mapped_column(String(200))
    actor_role: Mapped[str] = mapped_column(String(30))
    reviewer_step: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class EligibilityCheck(Base):
    """One completed eligibility check: each rule's outcome and the snapshot it was judged on."""

    __tablename__ = "eligibility_checks"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    passed: Mapped[bool] = mapped_column(Boolean)
    rules: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSONB)
    checked_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class CreditAssessment(Base):
    """The reviewer's figures, each with its inputs and formula, plus a recommendation."""

    __tablename__ = "credit_assessments"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    figures: Mapped[list[dict[str, Any]]] = mapped_column(JSONB)
    recommendation: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    assessed_by: Mapped[str] = mapped_column(String(200))
    assessed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class Document(Base):
    """A file attached to an application; the bytes live in document storage, never here."""

    __tablename__ = "application_documents"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    application_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("applications.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    file_name: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    checksum_sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(300))
    # The document key (settings.document_keys) its bytes are sealed with; NULL: stored before
    # documents were encrypted, until `kopmod jobs rekey-documents` seals it.
    encryption_key_id: Mapped[str | None] = mapped_column(String(40))
    uploaded_by: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
