"""What each event means to people: its kind (what preferences choose), who is told (the
cooperative's or offtaker's people, or a staff role), the message's placeholders and the page it
links to. Messages are catalog ids said in the reader's language (``console.i18n``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from console import i18n
from console.codes import code_label
from console.i18n import N_
from kopmod_shared.events import EventType

# kind -> (label on the preferences page, subject, body); bodies take the params below.
KINDS: dict[str, tuple[str, str, str]] = {
    "installment_due": (
        N_("An installment falls due"),
        N_("Installment %(number)s is due in %(days)s days"),
        N_("Installment %(number)s of your loan, %(amount)s, is due on %(due_date)s."),
    ),
    "installment_overdue": (
        N_("An installment is overdue"),
        N_("Installment %(number)s is overdue"),
        N_("Installment %(number)s of your loan, due on %(due_date)s, is unpaid: %(amount)s."),
    ),
    "application_status": (
        N_("An application changes state"),
        N_("Your financing application is now: %(status)s"),
        N_("Your financing application moved from %(from_status)s to %(status)s."),
    ),
    "proposal_waiting": (
        N_("A proposal waits for your reply"),
        N_("A proposal waits for your reply"),
        N_(
            "A proposal for %(quantity)s %(unit)s at %(price)s per unit waits for your reply "
            "until %(expires)s."
        ),
    ),
    "proposal_expired": (
        N_("A proposal expired"),
        N_("A proposal expired"),
        N_("A proposal expired on %(expires)s without an answer."),
    ),
    "contract_milestone": (
        N_("A contract milestone falls due"),
        N_("Delivery milestone %(seq)s is due on %(due_date)s"),
        N_(
            "Delivery milestone %(seq)s of a contract, %(quantity)s %(unit)s, is due on "
            "%(due_date)s."
        ),
    ),
    "committee_approval": (
        N_("An approval waits for the committee"),
        N_("An approval waits for the committee"),
        N_("%(what)s waits for the committee's decision."),
    ),
    "application_review": (
        N_("An application arrives for desk review"),
        N_("An application waits for desk review"),
        N_("A financing application passed the eligibility check and waits for desk review."),
    ),
    "document_received": (
        N_("A document you asked for arrives"),
        N_("The document you asked for arrived: %(document)s"),
        N_(
            "The cooperative attached the document you asked for (%(document)s) to its "
            "financing application."
        ),
    ),
    "committee_decision": (
        N_("The committee decides an application you reviewed"),
        N_("The committee's decision: %(decision)s"),
        N_(
            "The committee's decision on a financing application you reviewed: %(decision)s. "
            "The application says why."
        ),
    ),
    "proposal_decided": (
        N_("The committee decides a write-off or reschedule you proposed"),
        N_("The committee's decision on %(proposal)s you proposed: %(decision)s"),
        N_(
            "The committee's decision on %(proposal)s of a loan you proposed: %(decision)s. "
            "Its note: %(note)s"
        ),
    ),
    "webhook_failing": (
        N_("A webhook endpoint is disabled after failing"),
        N_("A webhook endpoint at %(service)s was disabled: %(reason)s"),
        N_(
            "A webhook endpoint at %(service)s (client %(owner)s) receives nothing more: "
            "%(reason)s; the last attempt: %(error)s. Enable it again once it works, and "
            "deliver again what it missed."
        ),
    ),
    "restructuring_recorded": (
        N_("A cooperative's restructuring is recorded"),
        N_("Restructuring recorded (%(restructuring)s): %(names)s"),
        N_(
            "A restructuring (%(restructuring)s) is recorded in the registry, effective "
            "%(effective)s; it results in: %(names)s."
        ),
    ),
}
# The kinds each role may receive (what its preferences page lists).
ROLE_KINDS: dict[str, tuple[str, ...]] = {
    "cooperative": (
        "installment_due",
        "installment_overdue",
        "application_status",
        "proposal_waiting",
        "proposal_expired",
        "contract_milestone",
    ),
    "offtaker": ("proposal_waiting", "proposal_expired", "contract_milestone"),
    "fund_committee": ("committee_approval", "proposal_decided"),
    "fund_officer": (
        "application_review",
        "document_received",
        "committee_decision",
        "proposal_decided",
    ),
    "admin": ("webhook_failing",),
    "ministry": ("restructuring_recorded",),
}
# Application states as the messages name them.
STATUS_NAMES = {
    "draft": N_("draft"),
    "submitted": N_("submitted"),
    "eligibility_check": N_("eligibility check"),
    "desk_review": N_("desk review"),
    "field_survey": N_("field survey"),
    "risk_review": N_("risk review"),
    "committee": N_("committee"),
    "approved": N_("approved"),
    "signed": N_("signed"),
    "rejected": N_("rejected"),
    "withdrawn": N_("withdrawn"),
}
# The committee's decisions, by the state table's action, as the officer's messages name them.
DECISION_NAMES = {
    "approve": N_("approved"),
    "send_back": N_("sent back to you"),
    "reject": N_("rejected"),
    # A write-off or reschedule proposal's state after the decision.
    "approved": N_("approved"),
    "declined": N_("rejected"),
    "rejected": N_("rejected"),
}
# Moves the cooperative makes itself (drafting, submitting, the check that follows at once).
UNTOLD_STATES = frozenset({"draft", "submitted", "eligibility_check", "withdrawn"})
WHAT_NAMES = {
    "application": N_("A financing application"),
    "write_off": N_("A proposed write-off"),
    "reschedule": N_("A proposed reschedule"),
}

# Why the relay disabled an endpoint (``WebhookEndpointDisabled.reason``), as admins read it.
REASON_NAMES = {
    "endpoint answered 410 Gone": N_("it answered 410 Gone"),
    "retry schedule spent": N_("every retry failed"),
}
# The services whose relays disable endpoints (each publishes its own event type).
WEBHOOK_SOURCES = ("registry", "financing", "marketplace")
WEBHOOK_DISABLED = {EventType.webhook_disabled(s): s for s in WEBHOOK_SOURCES}

# Restructuring kinds (``registry.cooperative.restructured``), as the messages name them.
RESTRUCTURING_NAMES = {"merger": N_("merger"), "fusion": N_("fusion"), "spin_off": N_("spin-off")}

# The proposals, as the proposer's messages name them.
PROPOSAL_NAMES = {
    "write_off": N_("the write-off"),
    "reschedule": N_("the reschedule"),
}

# Servicing proposals the committee decides: (WHAT_NAMES key, committee page path, id field).
PROPOSALS = {
    EventType.LOAN_WRITE_OFF_PROPOSED: ("write_off", "write-offs", "write_off_id"),
    EventType.LOAN_RESCHEDULE_PROPOSED: ("reschedule", "reschedules", "reschedule_id"),
}
# The committee's decisions on them: the proposer (a fund officer, or a committee member) is
# told; every fund officer when the proposer holds neither role now.
DECIDED = {
    EventType.LOAN_WRITE_OFF_DECIDED: "write_off",
    EventType.LOAN_RESCHEDULE_DECIDED: "reschedule",
}


@dataclass(frozen=True)
class Notice:
    """One kind of notification an event gives to one audience: an organisation's people
    (``role`` cooperative or offtaker with ``org_id``) or a staff role (``org_id`` None);
    with ``person``, only that person of the role (the officer who asked or holds it) or of one
    of ``person_roles``, or, when they hold none of them now (or were a machine client),
    everyone of ``role``."""

    kind: str
    role: str
    org_id: str | None
    params: dict[str, Any]
    link: str
    person: str | None = None
    # Other staff roles ``person`` may hold instead (looked for before everyone of ``role``).
    person_roles: tuple[str, ...] = ()


def notices(envelope: dict[str, Any]) -> list[Notice]:
    """The notices of one event (none for an event nobody is told about)."""
    kind = envelope.get("type")
    data: dict[str, Any] = envelope.get("data") or {}
    if kind in (EventType.INSTALLMENT_DUE_SOON, EventType.INSTALLMENT_OVERDUE):
        params = {
            "number": data["number"],
            "days": data["days"],
            "amount": {"money": data["amount_due"]},
            "due_date": {"date": data["due_date"]},
        }
        name = (
            "installment_due" if kind == EventType.INSTALLMENT_DUE_SOON else "installment_overdue"
        )
        link = f"/financing/loans/{data['loan_id']}"
        return [Notice(name, "cooperative", data["cooperative_id"], params, link)]
    if kind == EventType.APPLICATION_STATUS_CHANGED:
        return _status_notices(data)
    if kind == EventType.DOCUMENT_REQUEST_FULFILLED:
        link = f"/desk/applications/{data['application_id']}"
        params = {"document": {"document": data["kind"]}}
        asked = data.get("requested_by")
        return [Notice("document_received", "fund_officer", None, params, link, asked)]
    if kind in PROPOSALS:
        what, path, key = PROPOSALS[kind]
        link = f"/committee/loans/{data['loan_id']}/{path}/{data[key]}"
        params = {"what": {"what": what}}
        return [Notice("committee_approval", "fund_committee", None, params, link)]
    if kind in DECIDED:
        params = {
            "proposal": {"proposal": DECIDED[kind]},
            "decision": {"decision": data["status"]},
            "note": data.get("note") or "-",
        }
        link = f"/desk/loans/{data['loan_id']}"
        proposer = data.get("proposed_by")
        return [
            Notice(
                "proposal_decided",
                "fund_officer",
                None,
                params,
                link,
                proposer,
                ("fund_committee",),
            )
        ]
    if kind == EventType.COOPERATIVE_RESTRUCTURED:
        names = data.get("successor_names") or {}
        params = {
            "restructuring": {"restructuring": data["kind"]},
            "effective": {"date": data["effective_on"]},
            "names": ", ".join(names.get(str(i), str(i)) for i in data["successor_ids"]),
        }
        link = f"/registry/{data['successor_ids'][0]}"
        return [Notice("restructuring_recorded", "ministry", None, params, link)]
    if kind in WEBHOOK_DISABLED:
        service = WEBHOOK_DISABLED[kind]
        params = {
            "service": service,
            "owner": data.get("owner_client_id") or "-",
            "reason": {"reason": data["reason"]},
            "error": data.get("last_error") or "-",
        }
        link = f"/admin/webhooks/{service}/{data['endpoint_id']}"
        return [Notice("webhook_failing", "admin", None, params, link)]
    if kind in (EventType.PROPOSAL_MADE, EventType.PROPOSAL_COUNTERED):
        turn = data.get("turn") or "cooperative"
        org = data["cooperative_id"] if turn == "cooperative" else data["offtaker_id"]
        params = {
            "quantity": {"number": data["quantity"]},
            "unit": data["base_unit"],
            "price": {"money": data["unit_price"]},
            "expires": {"datetime": data["expires_at"]},
        }
        link = f"/market/proposals/{data['proposal_id']}"
        return [Notice("proposal_waiting", turn, org, params, link)]
    if kind == EventType.PROPOSAL_EXPIRED:
        params = {"expires": {"datetime": data["expires_at"]}}
        link = f"/market/proposals/{data['proposal_id']}"
        return [
            Notice("proposal_expired", "cooperative", data["cooperative_id"], params, link),
            Notice("proposal_expired", "offtaker", data["offtaker_id"], params, link),
        ]
    if kind == EventType.MILESTONE_DUE:
        params = {
            "seq": data["milestone_seq"],
            "quantity": {"number": data["quantity"]},
            "unit": data["base_unit"],
            "due_date": {"date": data["due_date"]},
        }
        link = f"/market/contracts/{data['contract_id']}"
        return [
            Notice("contract_milestone", "cooperative", data["cooperative_id"], params, link),
            Notice("contract_milestone", "offtaker", data["offtaker_id"], params, link),
        ]
    return []


def _status_notices(data: dict[str, Any]) -> list[Notice]:
    """An application's move: the cooperative hears of the fund's moves; the officers of one
    arriving at desk review; the committee of one referred to it; the officer holding it of
    the committee's decision."""
    app_id = data["application_id"]
    out: list[Notice] = []
    if data["status"] == "desk_review":
        out.append(
            Notice("application_review", "fund_officer", None, {}, f"/desk/applications/{app_id}")
        )
    if data.get("from_status") == "committee" and data.get("action") in DECISION_NAMES:
        out.append(
            Notice(
                "committee_decision",
                "fund_officer",
                None,
                {"decision": {"decision": data["action"]}},
                f"/desk/applications/{app_id}",
                data.get("reviewer"),
            )
        )
    if data["status"] in UNTOLD_STATES:
        return out
    params = {
        "status": {"status": data["status"]},
        "from_status": {"status": data["from_status"]},
    }
    out.append(
        Notice(
            "application_status",
            "cooperative",
            data["cooperative_id"],
            params,
            f"/financing/applications/{app_id}",
        )
    )
    if data["status"] == "committee":
        out.append(
            Notice(
                "committee_approval",
                "fund_committee",
                None,
                {"what": {"what": "application"}},
                f"/committee/applications/{app_id}",
            )
        )
    return out


# What the console subscribes to, per publisher.
SUBSCRIBED = {
    "registry": [EventType.COOPERATIVE_RESTRUCTURED, EventType.REGISTRY_WEBHOOK_DISABLED],
    "financing": [
        EventType.APPLICATION_STATUS_CHANGED,
        EventType.INSTALLMENT_DUE_SOON,
        EventType.INSTALLMENT_OVERDUE,
        EventType.LOAN_WRITE_OFF_PROPOSED,
        EventType.LOAN_RESCHEDULE_PROPOSED,
        EventType.DOCUMENT_REQUEST_FULFILLED,
        EventType.LOAN_WRITE_OFF_DECIDED,
        EventType.LOAN_RESCHEDULE_DECIDED,
        EventType.FINANCING_WEBHOOK_DISABLED,
    ],
    "marketplace": [
        EventType.PROPOSAL_MADE,
        EventType.PROPOSAL_COUNTERED,
        EventType.PROPOSAL_EXPIRED,
        EventType.MILESTONE_DUE,
        EventType.MARKETPLACE_WEBHOOK_DISABLED,
    ],
}


def _value(value: Any) -> str:
    if not isinstance(value, dict):
        return str(value)
    ((how, raw),) = value.items()
    if how == "money":
        return i18n.rupiah(raw)
    if how == "number":
        return i18n.number(raw)
    if how == "date":
        return i18n.long_date(raw)
    if how == "datetime":
        return i18n.date_time(raw)
    if how == "status":
        return i18n.gettext(STATUS_NAMES.get(raw, raw))
    if how == "what":
        return i18n.gettext(WHAT_NAMES.get(raw, raw))
    if how == "restructuring":
        return i18n.gettext(RESTRUCTURING_NAMES.get(raw, raw))
    if how == "reason":
        return i18n.gettext(REASON_NAMES.get(raw, raw))
    if how == "proposal":
        return i18n.gettext(PROPOSAL_NAMES.get(raw, raw))
    if how == "decision":
        return i18n.gettext(DECISION_NAMES.get(raw, raw))
    if how == "document":
        return code_label(raw, "document")
    return str(raw)


def say(kind: str, params: dict[str, Any]) -> tuple[str, str]:
    """The subject and body of a notification, in the current language (``i18n``)."""
    _, subject, body = KINDS[kind]
    values = {k: _value(v) for k, v in params.items()}
    return i18n.gettext(subject, **values), i18n.gettext(body, **values)


def label(kind: str) -> str:
    return i18n.gettext(KINDS[kind][0])
