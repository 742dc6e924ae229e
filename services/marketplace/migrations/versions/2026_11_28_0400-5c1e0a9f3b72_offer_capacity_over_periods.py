"""offer capacity over periods: remaining_quantity of weekly and monthly offers covers the window

An offer's ``quantity`` is per period; before this revision ``remaining_quantity`` started at
``quantity`` whatever the period, so a monthly offer over six months could be committed for one
month's quantity in total. What was committed (``quantity - remaining_quantity``) stays
committed; the periods the window spans beyond the first are added:
``remaining += quantity x (periods - 1)``, and a ``committed`` offer with room again becomes
``partially_committed``. Periods are counted as ``marketplace.periods`` does (weekly: 7 days from
``window_start``; monthly: ``window_start + n months``, the day clamped as Postgres clamps it; a
partial last period counts in full). Data only: the schema does not change.

Revision ID: 5c1e0a9f3b72
Revises: 7bda0f4872b8
Create Date: 2026-11-28 04:00:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5c1e0a9f3b72"
down_revision: str | Sequence[str] | None = "7bda0f4872b8"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Months from window_start to window_end, less one when window_end falls before the day the
# last month's period starts on (window_start + that many months).
_MONTHS = (
    "((extract(year FROM window_end) - extract(year FROM window_start)) * 12"
    " + extract(month FROM window_end) - extract(month FROM window_start))::int"
)
PERIODS = f"""
    CASE period
        WHEN 'weekly' THEN (window_end - window_start) / 7 + 1
        WHEN 'monthly' THEN {_MONTHS}
            - CASE WHEN (window_start + make_interval(months => {_MONTHS}))::date > window_end
                THEN 1 ELSE 0 END + 1
        ELSE 1
    END
"""


def upgrade() -> None:
    op.execute(
        # Built only from this module's constants.
        f"""
        UPDATE supply_offers
        SET remaining_quantity = remaining_quantity + quantity * (({PERIODS}) - 1),
            status = CASE WHEN status = 'committed' THEN 'partially_committed' ELSE status END
        WHERE period IN ('weekly', 'monthly') AND window_end >= window_start
          AND ({PERIODS}) > 1
        """  # noqa: S608
    )


def downgrade() -> None:
    op.execute(
        # Built only from this module's constants.
        f"""
        UPDATE supply_offers
        SET remaining_quantity = greatest(0, remaining_quantity - quantity * (({PERIODS}) - 1)),
            status = CASE
                WHEN status = 'partially_committed'
                    AND remaining_quantity - quantity * (({PERIODS}) - 1) <= 0
                THEN 'committed' ELSE status END
        WHERE period IN ('weekly', 'monthly') AND window_end >= window_start
          AND ({PERIODS}) > 1
        """  # noqa: S608
    )
