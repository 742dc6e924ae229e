"""The monthly fund reports over HTTP."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from kopmod_shared.money import Money, Ratio


class CohortMember(BaseModel):
    """A cooperative as the registry lists it: only its id is read."""

    model_config = ConfigDict(extra="ignore")

    id: UUID


class NplMonthOut(BaseModel):
    month: str = Field(examples=["2026-11"])
    as_of: date = Field(description="The month's last day, or the business date this month.")
    loans: int = Field(description="Loans with principal outstanding then.")
    outstanding: Money
    non_performing: Money = Field(description="Principal of OJK classes 3-5.")
    npl_ratio: Ratio = Field(description="Non-performing over outstanding, 4 places.")
    class_1: Money
    class_2: Money
    class_3: Money
    class_4: Money
    class_5: Money
    closed: bool = Field(
        default=True,
        description="False for a past month whose last day end of day has not closed: nothing "
        "was recorded for it, so its zeros mean no data (not no loans). The business date's "
        "month is always true.",
    )


class NplTrendOut(BaseModel):
    fund_id: UUID
    months: list[NplMonthOut]


class FlowMonthOut(BaseModel):
    month: str = Field(examples=["2026-11"])
    disbursed: Money
    repaid: Money = Field(description="Repayments and payoffs.")
    recovered: Money = Field(description="Recovered on written-off loans.")
    net: Money = Field(description="Back into the fund less lent out.")


class MonthlyFlowsOut(BaseModel):
    fund_id: UUID
    months: list[FlowMonthOut]
