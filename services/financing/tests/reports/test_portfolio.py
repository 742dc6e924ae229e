"""Portfolio aggregation, NPL ratio, period flows, and the cash-back forecast."""

from __future__ import annotations

import uuid
from datetime import date

from financing.arrears.ageing import Collectibility
from financing.replay.engine import TxKind, replay
from financing.reports.portfolio import (
    LoanSnapshot,
    cash_back_forecast,
    flows,
    npl_ratio,
    portfolio,
)

from ..replay.support import D, disburse, repay, three_months, tx


def snap(product: str, province: str | None, amount: str, cls: int) -> LoanSnapshot:
    return LoanSnapshot(uuid.uuid4(), product, province, D(amount), Collectibility(cls))


def test_portfolio_by_class_product_and_province() -> None:
    result = portfolio(
        [
            snap("MK-3", "33", "1000.00", 1),
            snap("MK-3", "33", "500.00", 2),
            snap("INV-5", "73", "300.00", 3),
            snap("INV-5", None, "200.00", 5),
            snap("MK-3", "33", "0", 5),  # closed: not in the portfolio
        ]
    )
    assert result.total.loans == 4
    assert result.total.principal_outstanding == D("2000.00")
    assert result.total.non_performing == D("500.00")
    assert result.total.npl_ratio == D("0.2500")
    assert {c.value: b.principal_outstanding for c, b in result.by_class.items()} == {
        1: D("1000.00"),
        2: D("500.00"),
        3: D("300.00"),
        4: D(0),
        5: D("200.00"),
    }
    assert result.by_product["MK-3"].npl_ratio == D("0.0000")
    assert result.by_product["INV-5"].npl_ratio == D("1.0000")
    assert result.by_province["33"].principal_outstanding == D("1500.00")
    assert result.by_province["unknown"].loans == 1


def test_npl_ratio_rounding_and_empty() -> None:
    assert npl_ratio(D("1"), D("3")) == D("0.3333")
    assert npl_ratio(D("2"), D("3")) == D("0.6667")
    assert npl_ratio(D("0"), D("0")) == D("0.0000")


def test_flows_in_a_period() -> None:
    txs = [
        disburse(date(2026, 1, 1)),
        tx(TxKind.penalty_charge, date(2026, 2, 10), "2.00", installment=1),
        repay(date(2026, 2, 12), "1032.00"),
        repay(date(2026, 2, 20), "99.00", reversed=True),
        repay(date(2026, 3, 1), "1020.00"),
    ]
    pos = replay(three_months(), txs)
    feb = flows([(pos, txs)], date(2026, 2, 1), date(2026, 2, 28))
    assert (feb.disbursed, feb.repaid, feb.principal_repaid) == (D(0), D("1032.00"), D("1000.00"))
    assert (feb.interest_received, feb.charges_received) == (D("30.00"), D("2.00"))
    q1 = flows([(pos, txs)], date(2026, 1, 1), date(2026, 3, 31))
    assert (q1.disbursed, q1.repaid, q1.principal_repaid) == (
        D("3000.00"),
        D("2052.00"),
        D("2000.00"),
    )


def test_cash_back_forecast_by_month() -> None:
    paying = replay(three_months(), [disburse(), repay(date(2026, 2, 1), "1030.00")])
    late = replay(three_months(), [disburse()])
    written_off = replay(
        three_months(), [disburse(), tx(TxKind.write_off, date(2026, 2, 5), "3000.00")]
    )
    forecast = cash_back_forecast([paying, late, written_off], date(2026, 2, 10), months=3)
    assert [m.month for m in forecast.months] == ["2026-02", "2026-03", "2026-04"]
    assert forecast.overdue.principal == D("1000.00")  # late loan's February installment
    assert forecast.overdue.interest == D("30.00")
    assert [m.total for m in forecast.months] == [D(0), D("2040.00"), D("2020.00")]
    assert forecast.total == D("5090.00")


def test_forecast_wraps_the_year_and_drops_what_is_beyond() -> None:
    pos = replay(three_months(), [disburse()])
    forecast = cash_back_forecast([pos], date(2025, 11, 30), months=4)
    assert [m.month for m in forecast.months] == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert forecast.months[-1].total == D("1030.00")
    assert forecast.total == D("1030.00")
