"""Forms without a browser: rupiah as people type it, problem+json as sentences by field, and
the Idempotency-Key a form's resubmission repeats."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from starlette.datastructures import FormData

from console import i18n
from console.forms import idempotency_key, parse_money, problem_errors
from console.sessions import Person
from kopmod_shared.errors import Conflict, FieldError, ValidationProblem


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("1500000", "1500000.00"),
        ("1.500.000", "1500000.00"),
        ("Rp1.500.000,50", "1500000.50"),
        ("Rp 1.500.000,5", "1500000.50"),
        ("1500000.50", "1500000.50"),
        ("  250000000 ", "250000000.00"),
        ("abc", None),
        ("", None),
        ("1,2,3", None),
        ("-5", None),
        ("1.500.000,123", None),
    ],
)
def test_rupiah_as_people_type_it(typed: str, sent: str | None) -> None:
    assert parse_money(typed) == sent


def test_a_problem_becomes_sentences_next_to_the_fields_it_names() -> None:
    token = i18n.current_language.set("id")
    try:
        problem = ValidationProblem(
            "invalid fields",
            errors=[
                FieldError(field="body.amount", message="too small", code="greater_than"),
                FieldError(field="body.use_of_funds.0.item", message="x", code="missing"),
                FieldError(field="body.unknown", message="x", code="missing"),
            ],
        )
        out = problem_errors(problem, {"amount": "amount", "use_of_funds": "item_0"})
        assert out == [
            ("amount", "Masukkan nilai yang lebih besar."),
            ("item_0", "Isian ini wajib diisi."),
        ]
        # A problem naming no field of the form is one sentence for the whole form, by type.
        conflict = Conflict("product retired")
        assert problem_errors(conflict, {"amount": "amount"}) == [
            ("summary", "Ini bertentangan dengan data yang sudah tercatat.")
        ]
        # Never the service's own English words.
        assert all("too small" not in m for _, m in out)
    finally:
        i18n.current_language.reset(token)


def test_the_same_form_sent_twice_sends_the_same_key_and_another_form_another() -> None:
    person = Person("s", "person-1", "cooperative", "org", "Siti", "id", "c", "t")
    request = SimpleNamespace(url=SimpleNamespace(path="/financing/apply/p1"))
    first = FormData({"form_id": "abc"})
    key = idempotency_key(person, request, first)  # type: ignore[arg-type]
    assert key == idempotency_key(person, request, FormData({"form_id": "abc"}))  # type: ignore[arg-type]
    assert key != idempotency_key(person, request, FormData({"form_id": "abd"}))  # type: ignore[arg-type]
    other = Person("s", "person-2", "cooperative", "org", "Budi", "id", "c", "t")
    assert key != idempotency_key(other, request, first)  # type: ignore[arg-type]
