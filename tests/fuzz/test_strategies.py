"""The shared date type answers every date of the calendar, the fuzz run's far dates first:
inside the bounds it is kept, outside it is a validation error (422), never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError

from kopmod_shared.dates import MAX_DATE, MIN_DATE, BoundedDate

from .strategies import FAR_DATES

BOUNDED = TypeAdapter(BoundedDate)


@given(st.one_of(FAR_DATES, st.dates()))
@settings(max_examples=300, derandomize=True, database=None, deadline=None)
def test_every_calendar_date_is_kept_or_refused_by_the_shared_type(day):
    if MIN_DATE <= day <= MAX_DATE:
        assert BOUNDED.validate_python(day.isoformat()) == day
    else:
        try:
            BOUNDED.validate_python(day.isoformat())
        except ValidationError as exc:
            assert exc.errors()[0]["type"] == "value_error"
        else:
            raise AssertionError(f"{day} was accepted")
