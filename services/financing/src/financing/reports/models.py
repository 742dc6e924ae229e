"""The fund reports' summaries: sums per fund and day that database triggers keep in the same
transaction as every change to the rows they sum, so that a report reads a few thousand rows
whatever the fund's size and history.

- ``fund_ledger_days``: debits and credits per account and entry date (from ``journal_lines``):
  the position history.
- ``fund_due_dates``: what is still owed per due date (from ``loan_installment_balances``): the
  cash forecast.
- ``fund_flow_days``: money lent and received per value date, with where it went (from
  ``loan_transactions`` and their allocation columns): the portfolio's flows.
- ``fund_portfolio_groups``: open loans with principal outstanding, counted and summed per
  product, province, arrears date and tolerance (from ``loan_accounts`` and ``loans``): the
  portfolio, aged from the arrears date on the business date when it is read (so a new day
  rewrites nothing). Migration ``5a7c9e1b3d20``.

Each is split in ``SHARDS`` rows per key, chosen by the writing connection
(``pg_backend_pid() % SHARDS``), so that two commands on different loans of one fund on the
same day rarely wait for each other's row; the reports add the shards up. The triggers are in
migrations ``9c4b2f61a8d3`` and ``5a7c9e1b3d20``.
"""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, Date, ForeignKey, Integer, SmallInteger, String
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Mapped, mapped_column

from financing.models import Base
from kopmod_shared.money import MONEY_SQL

SHARDS = 16


class FundLedgerDay(Base):
    __tablename__ = "fund_ledger_days"

    fund_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("funds.id"), primary_key=True
    )
    entry_date: Mapped[date] = mapped_column(Date, primary_key=True)
    account: Mapped[str] = mapped_column(String(40), primary_key=True)
    shard: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    debit: Mapped[Decimal] = mapped_column(MONEY_SQL)
    credit: Mapped[Decimal] = mapped_column(MONEY_SQL)


class FundDueDate(Base):
    __tablename__ = "fund_due_dates"

    fund_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("funds.id"), primary_key=True
    )
    due_date: Mapped[date] = mapped_column(Date, primary_key=True)
    shard: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    principal: Mapped[Decimal] = mapped_column(MONEY_SQL)
    interest: Mapped[Decimal] = mapped_column(MONEY_SQL)
    charges: Mapped[Decimal] = mapped_column(MONEY_SQL)


class FundFlowDay(Base):
    __tablename__ = "fund_flow_days"

    fund_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("funds.id"), primary_key=True
    )
    value_date: Mapped[date] = mapped_column(Date, primary_key=True)
    shard: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    disbursed: Mapped[Decimal] = mapped_column(MONEY_SQL)
    repaid: Mapped[Decimal] = mapped_column(MONEY_SQL)
    principal_repaid: Mapped[Decimal] = mapped_column(MONEY_SQL)
    interest_received: Mapped[Decimal] = mapped_column(MONEY_SQL)
    charges_received: Mapped[Decimal] = mapped_column(MONEY_SQL)
    recovered: Mapped[Decimal] = mapped_column(MONEY_SQL)


class FundPortfolioGroup(Base):
    __tablename__ = "fund_portfolio_groups"

    fund_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("funds.id"), primary_key=True
    )
    product_id: Mapped[uuid.UUID] = mapped_column(
        UUID(as_uuid=True), ForeignKey("products.id"), primary_key=True
    )
    province_code: Mapped[str] = mapped_column(String(2), primary_key=True)
    # The oldest installment's due date with principal or interest unpaid (``infinity``: none).
    arrears_from: Mapped[date] = mapped_column(Date, primary_key=True)
    tolerance_days: Mapped[int] = mapped_column(Integer, primary_key=True)
    shard: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    loans: Mapped[int] = mapped_column(BigInteger)
    outstanding: Mapped[Decimal] = mapped_column(MONEY_SQL)
