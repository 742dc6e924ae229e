"""The fund reports: portfolio, flows, position history, cash forecast."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, Field

from kopmod_shared.money import Money, NonNegativeMoney, Proportion


class BucketOut(BaseModel):
    key: str
    loans: int
    principal_outstanding: Money
    non_performing: Money
    npl_ratio: Proportion = Field(description="Classes 3-5 over outstanding principal.")


class FlowsOut(BaseModel):
    date_from: date
    date_to: date
    disbursed: Money
    repaid: Money
    principal_repaid: Money
    interest_received: Money
    charges_received: Money
    recovered: Money


class PortfolioOut(BaseModel):
    fund_id: UUID
    as_of: date
    total: BucketOut
    by_collectibility: list[BucketOut]
    by_product: list[BucketOut]
    by_province: list[BucketOut]
    flows: FlowsOut


class FundPointOut(BaseModel):
    date: date
    cash: Money
    loans_receivable: Money
    income: Money
    writeoff_losses: Money
    overpayments: Money
    capital: Money


class FundHistoryOut(BaseModel):
    fund_id: UUID
    points: list[FundPointOut]


class MonthOut(BaseModel):
    month: str
    principal: NonNegativeMoney
    interest: NonNegativeMoney
    charges: NonNegativeMoney
    total: NonNegativeMoney


class ForecastOut(BaseModel):
    fund_id: UUID
    as_of: date
    cash_now: Money
    overdue: MonthOut
    months: list[MonthOut]
