"""Offtaker-backed financing: an application's signed offtake contracts, verified with the
marketplace at eligibility, and how much of the loan's repayments their receipts cover.

Pure functions: the marketplace is called by the eligibility check with no transaction open
(``eligibility.run_check``); what it answered is kept in the eligibility check
(``snapshot["offtake_contracts"]``) and these rules and figures are computed from it.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any
from uuid import UUID

from financing.applications.findings import FindingCode as F
from financing.applications.findings import finding
from kopmod_shared.money import MONEY, SHARE
from kopmod_shared.schemas.marketplace import ContractStatus, ContractSummary

FOUR = Decimal("0.0001")
CENT = Decimal("0.01")


def evaluate_contracts(
    cooperative_id: UUID, requested: list[UUID], found: dict[UUID, ContractSummary | None]
) -> list[dict[str, Any]]:
    """One ``offtake_contract`` rule per referenced contract: the marketplace knows it, the
    applicant is its cooperative party, it is active and has value still to deliver."""
    rules: list[dict[str, Any]] = []
    for contract_id in requested:
        summary = found.get(contract_id)
        required = {
            "cooperative_id": str(cooperative_id),
            "status": ContractStatus.active.value,
            "remaining_value": "> 0",
        }
        if summary is None:
            rules.append(
                {
                    "rule": "offtake_contract",
                    "contract_id": str(contract_id),
                    "passed": False,
                    "reason": f"the marketplace knows no contract {contract_id}",
                    "findings": [finding(F.contract_unknown)],
                    "observed": None,
                    "required": required,
                }
            )
            continue
        problems = []
        findings: list[dict[str, Any]] = []
        if summary.cooperative_id != cooperative_id:
            problems.append(
                f"contract {contract_id} is with cooperative {summary.cooperative_id}, "
                "not the applicant"
            )
            findings.append(finding(F.contract_other_cooperative))
        if summary.status is not ContractStatus.active:
            problems.append(f"contract {contract_id} is {summary.status.value}, not active")
            findings.append(finding(F.contract_not_active, status=summary.status.value))
        if summary.remaining_value <= 0:
            problems.append(f"contract {contract_id} has no value left to deliver")
            findings.append(finding(F.contract_nothing_left))
        rules.append(
            {
                "rule": "offtake_contract",
                "contract_id": str(contract_id),
                "passed": not problems,
                "reason": "; ".join(problems)
                if problems
                else f"active contract with {summary.offtaker_name}, "
                f"{summary.remaining_value} still to deliver",
                "findings": findings
                or [
                    finding(
                        F.contract_active,
                        offtaker=summary.offtaker_name,
                        amount=MONEY.format(summary.remaining_value),
                    )
                ],
                "observed": {
                    "cooperative_id": str(summary.cooperative_id),
                    "offtaker_id": str(summary.offtaker_id),
                    "status": summary.status.value,
                    "remaining_value": MONEY.format(summary.remaining_value),
                },
                "required": required,
            }
        )
    return rules


def receipts_within(
    summary: ContractSummary, start: date, end: date
) -> tuple[Decimal, list[dict[str, Any]]]:
    """Value of the deliveries still due under ``summary`` whose payment (due date plus the
    contract's payment days) falls within [start, end]; with one line per milestone counted."""
    total = Decimal(0)
    lines: list[dict[str, Any]] = []
    for m in summary.schedule:
        outstanding = m.quantity - m.accepted_quantity
        if outstanding <= 0:
            continue
        paid_on = m.due_date + timedelta(days=summary.payment_days)
        if not (start <= paid_on <= end):
            continue
        value = (outstanding * summary.unit_price).quantize(CENT, rounding=ROUND_HALF_EVEN)
        total += value
        lines.append({"seq": m.seq, "paid_on": paid_on.isoformat(), "value": MONEY.format(value)})
    return total, lines


def coverage_figures(
    *,
    contracts: list[dict[str, Any]],
    cooperative_id: UUID,
    total_repayments: Decimal,
    start: date,
    end: date,
    closed_loop_share: Decimal | None,
) -> list[dict[str, Any]]:
    """``offtake_coverage`` (and, on a closed-loop product, ``closed_loop_coverage``): the
    share of the loan's repayments over the tenor that the verified contracts' receipts cover."""
    if not contracts:
        return []
    receipts = Decimal(0)
    per_contract: list[dict[str, Any]] = []
    for raw in contracts:
        summary = ContractSummary.model_validate(raw)
        if summary.cooperative_id != cooperative_id or summary.status is not ContractStatus.active:
            continue
        value, lines = receipts_within(summary, start, end)
        receipts += value
        per_contract.append(
            {
                "contract_id": str(summary.id),
                "offtaker": summary.offtaker_name,
                "unit_price": MONEY.format(summary.unit_price),
                "payment_days": summary.payment_days,
                "receipts_in_tenor": MONEY.format(value),
                "milestones": lines,
            }
        )
    share = (
        (receipts / total_repayments).quantize(FOUR, rounding=ROUND_HALF_EVEN)
        if total_repayments > 0
        else None
    )
    inputs = {
        "contract_receipts_in_tenor": MONEY.format(receipts),
        "total_repayments": MONEY.format(total_repayments),
        "tenor_start": start.isoformat(),
        "tenor_end": end.isoformat(),
        "contracts": per_contract,
    }
    figures = [
        {
            "name": "offtake_coverage",
            "value": share,
            "formula": "contract_receipts_in_tenor / total_repayments",
            "inputs": inputs,
            "threshold": None,
            "within_threshold": None,
            "explanation": "the share of the loan's repayments (principal and interest over the "
            "tenor) that receipts from the verified offtake contracts could pay: deliveries "
            "still due whose payment falls within the tenor, at the contract price; above 1 "
            "the receipts exceed the repayments",
        }
    ]
    if closed_loop_share is not None:
        pledged = (receipts * closed_loop_share).quantize(CENT, rounding=ROUND_HALF_EVEN)
        figures.append(
            {
                "name": "closed_loop_coverage",
                "value": (pledged / total_repayments).quantize(FOUR, rounding=ROUND_HALF_EVEN)
                if total_repayments > 0
                else None,
                "formula": "contract_receipts_in_tenor * closed_loop_share / total_repayments",
                "inputs": {
                    "contract_receipts_in_tenor": MONEY.format(receipts),
                    "closed_loop_share": SHARE.format(closed_loop_share),
                    "applied_from_receipts": MONEY.format(pledged),
                    "total_repayments": MONEY.format(total_repayments),
                },
                "threshold": None,
                "within_threshold": None,
                "explanation": "the share of the repayments the closed loop applies by itself "
                "when every delivery in the tenor is accepted",
            }
        )
    return figures
