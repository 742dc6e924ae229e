"""The application state machine: every legal transition in one table.

The states themselves are a wire contract (``kopmod_shared.schemas.financing``). An action not
listed for the current state is refused with 409 ``invalid-transition`` naming the
current state and the states that can follow it.
"""

from __future__ import annotations

from enum import StrEnum

from kopmod_shared.errors import InvalidTransition
from kopmod_shared.schemas.financing import ApplicationStatus


class Action(StrEnum):
    submit = "submit"
    start_eligibility = "start_eligibility"
    pass_eligibility = "pass_eligibility"
    fail_eligibility = "fail_eligibility"
    start_field_survey = "start_field_survey"
    start_risk_review = "start_risk_review"
    refer_to_committee = "refer_to_committee"
    approve = "approve"
    send_back = "send_back"
    reject = "reject"
    sign = "sign"
    withdraw = "withdraw"


S, A = ApplicationStatus, Action

# While documents may be attached (and so asked for): preparation and the fund's review.
DOCUMENT_STATES = frozenset(
    {S.draft, S.submitted, S.eligibility_check, S.desk_review, S.field_survey, S.risk_review}
)

TRANSITIONS: dict[tuple[ApplicationStatus, Action], ApplicationStatus] = {
    (S.draft, A.submit): S.submitted,
    (S.draft, A.withdraw): S.withdrawn,
    (S.submitted, A.start_eligibility): S.eligibility_check,
    (S.submitted, A.withdraw): S.withdrawn,
    (S.eligibility_check, A.pass_eligibility): S.desk_review,
    (S.eligibility_check, A.fail_eligibility): S.rejected,
    (S.eligibility_check, A.withdraw): S.withdrawn,
    (S.desk_review, A.start_field_survey): S.field_survey,
    (S.desk_review, A.reject): S.rejected,
    (S.desk_review, A.withdraw): S.withdrawn,
    (S.field_survey, A.start_risk_review): S.risk_review,
    (S.field_survey, A.reject): S.rejected,
    (S.field_survey, A.withdraw): S.withdrawn,
    (S.risk_review, A.refer_to_committee): S.committee,
    (S.risk_review, A.reject): S.rejected,
    (S.risk_review, A.withdraw): S.withdrawn,
    (S.committee, A.approve): S.approved,
    (S.committee, A.reject): S.rejected,
    # The committee sends an application back to the officer's risk review with a reason.
    (S.committee, A.send_back): S.risk_review,
    (S.committee, A.withdraw): S.withdrawn,
    (S.approved, A.sign): S.signed,
    (S.approved, A.withdraw): S.withdrawn,
}

TERMINAL = frozenset({S.signed, S.rejected, S.withdrawn})
# States in which officers review (and in which the reviewer's identity is recorded).
REVIEW_STATES = frozenset({S.desk_review, S.field_survey, S.risk_review})


def allowed_actions(status: ApplicationStatus) -> list[Action]:
    return [a for (s, a) in TRANSITIONS if s is status]


def next_states(status: ApplicationStatus) -> list[str]:
    seen: list[str] = []
    for (s, _), target in TRANSITIONS.items():
        if s is status and target.value not in seen:
            seen.append(target.value)
    return seen


def next_status(status: ApplicationStatus | str, action: Action) -> ApplicationStatus:
    """The state ``action`` leads to from ``status``, or 409 naming what is allowed."""
    current = ApplicationStatus(status)
    target = TRANSITIONS.get((current, action))
    if target is None:
        raise InvalidTransition(current.value, action.value, next_states(current))
    return target


__all__ = [
    "REVIEW_STATES",
    "TERMINAL",
    "TRANSITIONS",
    "Action",
    "ApplicationStatus",
    "allowed_actions",
    "next_states",
    "next_status",
]
