"""The loan state machine: one table, illegal moves refused with 409."""

from __future__ import annotations

from datetime import date

import pytest

from financing.loans.states import (
    TRANSITIONS,
    LoanEvent,
    LoanState,
    allowed_events,
    check,
    state_from_position,
    transition,
)
from financing.replay.engine import replay
from kopmod_shared.errors import InvalidTransition

from ..replay.support import disburse, repay, three_months

LEGAL = [(s, e) for s, events in TRANSITIONS.items() for e in events]
ILLEGAL = [(s, e) for s in LoanState for e in LoanEvent if e not in TRANSITIONS[s]]


def test_every_state_has_a_row() -> None:
    assert set(TRANSITIONS) == set(LoanState)


@pytest.mark.parametrize(("state", "event"), LEGAL)
def test_legal_moves_name_their_targets(state: LoanState, event: LoanEvent) -> None:
    targets = check(state, event)
    assert targets
    for target in targets:
        assert transition(state, event, target) is target


@pytest.mark.parametrize(("state", "event"), ILLEGAL)
def test_illegal_moves_are_409_naming_current_and_allowed(
    state: LoanState, event: LoanEvent
) -> None:
    with pytest.raises(InvalidTransition) as caught:
        check(state, event)
    problem = caught.value.to_problem()
    assert problem["status"] == 409
    assert problem["current_state"] == state.value
    assert problem["attempted"] == event.value
    assert problem["allowed"] == allowed_events(state)


def test_a_legal_event_to_a_wrong_target_is_refused() -> None:
    with pytest.raises(InvalidTransition) as caught:
        transition(LoanState.active, LoanEvent.repay, LoanState.closed_written_off)
    assert caught.value.to_problem()["attempted"] == "repay to closed_written_off"


def test_closed_loans_take_no_repayment() -> None:
    for state in (LoanState.closed_obligations_met, LoanState.closed_written_off):
        assert "repay" not in allowed_events(state)
    assert allowed_events(LoanState.closed_rescheduled) == []
    assert [s.value for s in LoanState if s.closed] == [
        "closed_obligations_met",
        "closed_written_off",
        "closed_rescheduled",
    ]


@pytest.mark.parametrize(
    ("txs", "expected"),
    [
        ([], LoanState.pending_disbursement),
        ([disburse()], LoanState.active),
        ([disburse(), repay(date(2026, 2, 1), "1030.00")], LoanState.active),
        ([disburse(), repay(date(2026, 4, 1), "3060.00")], LoanState.closed_obligations_met),
        ([disburse(), repay(date(2026, 4, 1), "3060.01")], LoanState.overpaid),
    ],
)
def test_state_from_position(txs: list, expected: LoanState) -> None:  # type: ignore[type-arg]
    assert state_from_position(replay(three_months(), txs)) is expected
