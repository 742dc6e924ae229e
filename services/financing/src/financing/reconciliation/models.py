"""Bank-statement imports: the file a fund officer uploaded, each of its lines with what the
preview found (matched to a loan, already booked, not matched, invalid) and what committing it
did (booked, already booked, failed, skipped)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.ids import new_id
from kopmod_shared.money import MONEY_SQL


class BankStatementImport(Base):
    __tablename__ = "bank_statement_imports"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    fund_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("funds.id"), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    checksum_sha256: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20))  # previewed, committed
    uploaded_by: Mapped[str] = mapped_column(String(200))
    uploaded_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    committed_by: Mapped[str | None] = mapped_column(String(200))
    committed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class BankStatementLine(Base):
    __tablename__ = "bank_statement_lines"

    id: Mapped[uuid.UUID] = mapped_column(UUID(as_uuid=True), primary_key=True, default=new_id)
    import_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("bank_statement_imports.id"), index=True
    )
    line_no: Mapped[int] = mapped_column(Integer)
    value_date: Mapped[date | None] = mapped_column(Date)
    amount: Mapped[Decimal | None] = mapped_column(MONEY_SQL)
    reference: Mapped[str | None] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    loan_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
    # matched, already_booked, not_matched, invalid, duplicate_in_file
    preview: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(Text)
    # After commit: booked, already_booked, failed, skipped.
    result: Mapped[str | None] = mapped_column(String(20))
    transaction_id: Mapped[uuid.UUID | None] = mapped_column(UUID(as_uuid=True))
