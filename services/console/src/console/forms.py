"""Forms: CSRF on every POST, the ``Idempotency-Key`` every command sends, and an API's
problem+json turned into sentences in the person's language next to the fields they name.

- CSRF: a synchronizer token per session, in a hidden ``csrf`` field of every form (the
  ``form_start`` macro writes it). Every POST route takes :func:`verified_form` (``create_app``
  refuses to start if one does not), which refuses a missing or wrong token with a 403 page.
- Idempotency: each rendered form carries a random ``form_id``; the key is
  SHA-256(person, path, form_id). A double click, a resubmission after a timeout, or the back
  button's stale copy of a form that succeeded sends the same key, and the service answers the
  first result again instead of doing it twice.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Mapping

from fastapi import Depends, Request
from starlette.datastructures import FormData

from console.errors import CsrfRefused
from console.i18n import N_, gettext
from console.session_deps import signed_in
from console.sessions import Person
from console.web import Form
from kopmod_shared.errors import ProblemError


async def verified_form(request: Request, person: Person = Depends(signed_in)) -> FormData:
    """The submitted form, once its CSRF token is this session's."""
    settings = request.app.state.settings
    form = await request.form(max_part_size=settings.max_upload_bytes)
    submitted = form.get("csrf")
    if not isinstance(submitted, str) or not secrets.compare_digest(submitted, person.csrf):
        raise CsrfRefused
    return form


def idempotency_key(person: Person, request: Request, form: FormData) -> str:
    form_id = form.get("form_id")
    if not isinstance(form_id, str) or not form_id:
        form_id = secrets.token_urlsafe(16)  # a form without one is never deduplicated
    raw = f"{person.subject}\n{request.url.path}\n{form_id}"
    return "console-" + hashlib.sha256(raw.encode()).hexdigest()[:48]


def parse_money(raw: str) -> str | None:
    """What a person types as rupiah (``1500000``, ``1.500.000``, ``Rp1.500.000,50``,
    ``1500000.50``) as the platform's decimal string, or None when it is not an amount."""
    text = raw.strip().removeprefix("Rp").removeprefix("rp").replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        whole, _, cents = text.rpartition(",")
        whole = whole.replace(".", "")
    elif text.count(".") == 1 and len(text.rsplit(".", 1)[1]) <= 2:
        whole, cents = text.split(".")
    else:
        whole, cents = text.replace(".", ""), ""
    if not whole.isdigit() or (cents and not cents.isdigit()) or len(cents) > 2 or len(whole) > 15:
        return None
    return f"{int(whole)}.{cents.ljust(2, '0')}" if cents else f"{int(whole)}.00"


def parse_int(raw: str) -> int | None:
    text = raw.strip()
    return int(text) if text.isdigit() and len(text) <= 6 else None


def values(form: FormData) -> dict[str, str]:
    """The text fields of a form (files and the CSRF token left out)."""
    return {k: v for k, v in form.items() if isinstance(v, str) and k not in ("csrf",)}


# Sentences for the problems the services answer, by problem type (slug).
PROBLEM_MESSAGES = {
    "validation-error": N_("Some of the information is not valid. Check the fields marked."),
    "business-rule": N_("This was refused by a rule of the platform."),
    "conflict": N_("This conflicts with what is already recorded."),
    "invalid-transition": N_("This cannot be done in the current state. Reload the page."),
    "not-found": N_("What you asked for does not exist or is not yours to see."),
    "forbidden": N_("You are not allowed to do this."),
    "unauthorized": N_("Your session has ended. Sign in again."),
    "idempotency-key-reused": N_(
        "This form was already sent with other values. Reload the page and try again."
    ),
    "idempotency-in-progress": N_("This form is being sent already. Wait a moment and reload."),
    "rate-limited": N_("Too many requests. Wait a minute and try again."),
    "payload-too-large": N_("The file is too large."),
    "unsupported-media-type": N_("This kind of file is not accepted."),
    "upstream-unavailable": N_("A service is not available right now. Try again in a minute."),
    "service-unavailable": N_("A service is not available right now. Try again in a minute."),
    "upstream-error": N_("A service failed. Try again in a minute."),
}
# Sentences for a field's error, by its code (pydantic's types and the services' own codes).
FIELD_MESSAGES = {
    "missing": N_("Enter this."),
    "string_too_short": N_("This is too short."),
    "string_too_long": N_("This is too long."),
    "string_pattern_mismatch": N_("This is not in the expected format."),
    "greater_than": N_("Enter a larger value."),
    "greater_than_equal": N_("Enter a larger value."),
    "less_than": N_("Enter a smaller value."),
    "less_than_equal": N_("Enter a smaller value."),
    "decimal_parsing": N_("Enter a number, for example 1500000."),
    "decimal_type": N_("Enter a number, for example 1500000."),
    "decimal_max_places": N_("Use at most two decimals."),
    "int_parsing": N_("Enter a whole number."),
    "date_from_datetime_parsing": N_("Enter a date."),
    "date_parsing": N_("Enter a date."),
    "uuid_parsing": N_("Choose one of the options."),
    "enum": N_("Choose one of the options."),
    "literal_error": N_("Choose one of the options."),
    "too_short": N_("Add at least one."),
    "too_long": N_("There are too many."),
    "due_date_past": N_("The due date cannot be in the past."),
    "duplicate": N_("This is already recorded."),
    "no_market": N_("Choose at least one market: domestic or export."),
    "member_groups_too_few": N_("A multi-stakeholder cooperative has at least two groups."),
    "voting_shares_sum": N_("The groups' shares of the vote must add up to 100."),
    "rat_before_founding": N_("The RAT cannot be before the cooperative was founded."),
    "rat_before_year_end": N_("The RAT is held after the financial year ends."),
    "attendance_above_members": N_("More members attended than the cooperative has."),
    "balance_sheet": N_("Assets must equal liabilities plus equity."),
    "statements_complete": N_("Enter all four figures of the statements, or none."),
}
GENERIC_FIELD = N_("Check this value.")
GENERIC_PROBLEM = N_("Something went wrong. Try again.")
SUMMARY = "summary"


def problem_message(exc: ProblemError) -> str:
    return gettext(PROBLEM_MESSAGES.get(exc.slug, GENERIC_PROBLEM))


def problem_errors(exc: ProblemError, fields: Mapping[str, str]) -> list[tuple[str, str]]:
    """``(form field, sentence)`` for each field the problem names; ``fields`` maps the API's
    field names (the last part of ``body.amount``) to the form's. What names no field of the
    form is reported once against the form as a whole (``summary``)."""
    out: list[tuple[str, str]] = []
    for error in exc.errors or []:
        parts = [p for p in error.field.split(".") if p and p != "body" and not p.isdigit()]
        target = next((fields[p] for p in reversed(parts) if p in fields), None)
        if target is not None:
            out.append((target, gettext(FIELD_MESSAGES.get(error.code, GENERIC_FIELD))))
    named = exc.extra.get("field")
    if isinstance(named, str) and named in fields and not out:
        out.append((fields[named], problem_message(exc)))
    if not out:
        out.append((SUMMARY, problem_message(exc)))
    return out


def form_with_problem(form: FormData, exc: ProblemError, fields: Mapping[str, str]) -> Form:
    """The form shown again with the problem's sentences (and a new ``form_id``)."""
    return Form(values=values(form), errors=problem_errors(exc, fields))
