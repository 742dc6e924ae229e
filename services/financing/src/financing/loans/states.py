"""The loan's states after signing, and every allowed move, in one table.

Fineract silently ignores an illegal event; here it is refused with 409 naming the current state
and the events allowed from it (domain.md section 4).
"""

from __future__ import annotations

from enum import StrEnum

from financing.replay.engine import LoanPosition
from kopmod_shared.errors import InvalidTransition


class LoanState(StrEnum):
    pending_disbursement = "pending_disbursement"
    active = "active"
    overpaid = "overpaid"
    closed_obligations_met = "closed_obligations_met"
    closed_written_off = "closed_written_off"
    closed_rescheduled = "closed_rescheduled"

    @property
    def closed(self) -> bool:
        return self.value.startswith("closed_")


class LoanEvent(StrEnum):
    disburse = "disburse"
    undo_disbursement = "undo_disbursement"
    repay = "repay"
    reverse = "reverse"  # a repayment or charge reversed (the loan is replayed)
    charge = "charge"
    refund_overpayment = "refund_overpayment"
    write_off = "write_off"
    recover = "recover"
    reschedule = "reschedule"


S, E = LoanState, LoanEvent
_OPEN_AFTER_REPLAY = frozenset({S.active, S.overpaid, S.closed_obligations_met})

TRANSITIONS: dict[LoanState, dict[LoanEvent, frozenset[LoanState]]] = {
    S.pending_disbursement: {
        E.disburse: frozenset({S.active}),
    },
    S.active: {
        E.disburse: frozenset({S.active}),
        E.undo_disbursement: frozenset({S.active, S.pending_disbursement}),
        E.repay: _OPEN_AFTER_REPLAY,
        E.reverse: _OPEN_AFTER_REPLAY,
        E.charge: frozenset({S.active}),
        E.write_off: frozenset({S.closed_written_off}),
        # The loan closes; a successor loan (``rescheduled_from_id``) opens active with the
        # outstanding balance and the new schedule.
        E.reschedule: frozenset({S.closed_rescheduled}),
    },
    S.overpaid: {
        E.repay: frozenset({S.overpaid}),
        E.reverse: _OPEN_AFTER_REPLAY,
        E.refund_overpayment: frozenset({S.overpaid, S.closed_obligations_met}),
    },
    # A reversal of a repayment can reopen a loan closed by that repayment.
    S.closed_obligations_met: {
        E.reverse: _OPEN_AFTER_REPLAY,
    },
    S.closed_written_off: {
        E.recover: frozenset({S.closed_written_off}),
    },
    # As in Fineract a rescheduled loan is closed and a new one continues it. Nothing more
    # happens to the closed one: its transactions are final (reversing one would change what
    # already moved to the successor), so every event is refused.
    S.closed_rescheduled: {},
}


def allowed_events(state: LoanState) -> list[str]:
    return [e.value for e in TRANSITIONS[state]]


def check(state: LoanState, event: LoanEvent) -> frozenset[LoanState]:
    """The states ``event`` may lead to from ``state``; :class:`InvalidTransition` if none."""
    targets = TRANSITIONS[state].get(event)
    if targets is None:
        raise InvalidTransition(state.value, event.value, allowed_events(state))
    return targets


def transition(state: LoanState, event: LoanEvent, target: LoanState) -> LoanState:
    """Move from ``state`` to ``target`` by ``event``, or refuse with 409."""
    targets = check(state, event)
    if target not in targets:
        raise InvalidTransition(
            state.value, f"{event.value} to {target.value}", allowed_events(state)
        )
    return target


def state_from_position(position: LoanPosition) -> LoanState:
    """The open state a replayed position implies (never a write-off or reschedule)."""
    if position.funded == 0:
        return S.pending_disbursement
    if position.total_outstanding > 0 or position.principal_outstanding > 0:
        return S.active
    if position.overpayment > 0:
        return S.overpaid
    return S.closed_obligations_met
