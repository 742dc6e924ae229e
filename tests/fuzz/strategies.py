"""Hypothesis strategies the fuzz run adds to Schemathesis' own.

Dates: Schemathesis draws ``format: date`` strings from the whole calendar only rarely near its
ends; here a third of the dates are far ones (year 1, 1899, 2201, 9999-12-01, ``date.max``),
where date arithmetic overflows, so every date input is tried where a missing bound would be a
500 (the published ``formatMinimum``/``formatMaximum`` are not known to Schemathesis, so these
are "positive" data the API must refuse with a documented 422).
"""

from __future__ import annotations

from datetime import date

import schemathesis
from hypothesis import strategies as st

from kopmod_shared.dates import MAX_DATE, MIN_DATE

FAR_DATES = st.sampled_from(
    [
        date.min,
        date(1, 12, 31),
        date(1899, 12, 31),
        MIN_DATE,
        MAX_DATE,
        date(2201, 1, 1),
        date(9999, 12, 1),
        date.max,
    ]
)
USUAL_DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
DATES = st.one_of(USUAL_DATES, FAR_DATES, st.dates()).map(date.isoformat)


def register() -> None:
    schemathesis.openapi.format("date", DATES)
