"""cooperative history kept by triggers: the list reads one row per cooperative

A page of 100 full records ran five lookups per row (RATs, health assessments, member groups
as JSON, their count, member cooperatives as JSON), about 1.5 ms of Postgres's 2.7 ms for the
page at best. ``cooperative_history`` holds the same history, one row per cooperative, as the
page used it; statement-level triggers on the four tables recompute the rows of the
cooperatives a statement touched, in its transaction. Only the history is kept, never a fact
derived from it (active, RAT compliance, latest health are computed on each read for its date).

A concurrent writer of the same cooperative's history waits for the other's row (its
uniqueness check or its lock) and then reads the tables in a statement of its own: under read
committed it sees what the other committed, so neither's change is lost.

Revision ID: e4a6c8b0d2f1
Revises: d93a7c5e1f02
Create Date: 2026-12-03 15:00:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "e4a6c8b0d2f1"
down_revision: str | Sequence[str] | None = "d93a7c5e1f02"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The history of the cooperatives ``ids`` read from the four tables, in the order and the
# formats the list answers (as ``listing`` wrote them before: RATs latest year first,
# assessments earliest first, member groups by position, member cooperatives by id).
HISTORY_OF = """
CREATE FUNCTION cooperative_history_of(ids uuid[]) RETURNS SETOF cooperative_history
LANGUAGE sql STABLE AS $$
    SELECT k.id, r.years, r.dates, a.years, a.categories, a.scores, a.dates, g.groups, g.n, m.ids
    FROM unnest(ids) AS k(id)
    CROSS JOIN LATERAL (
        SELECT array_agg(x.year ORDER BY x.year DESC) AS years,
               array_agg(x.held_on ORDER BY x.year DESC) AS dates
        FROM annual_meetings x WHERE x.cooperative_id = k.id) r
    CROSS JOIN LATERAL (
        SELECT array_agg(x.year ORDER BY x.year) AS years,
               array_agg(x.category::text ORDER BY x.year) AS categories,
               array_agg(x.score ORDER BY x.year) AS scores,
               array_agg(x.assessed_on ORDER BY x.year) AS dates
        FROM health_assessments x WHERE x.cooperative_id = k.id) a
    CROSS JOIN LATERAL (
        SELECT json_agg(json_build_object(
                   'id', x.id, 'kind', x.kind, 'name', x.name, 'member_count', x.member_count,
                   'voting_share', to_char(x.voting_share, 'FM990.00'),
                   'description', x.description) ORDER BY x.position) AS groups,
               count(*)::int AS n
        FROM member_groups x WHERE x.cooperative_id = k.id) g
    CROSS JOIN LATERAL (
        SELECT json_agg(x.member_id ORDER BY x.member_id) AS ids
        FROM secondary_memberships x WHERE x.secondary_id = k.id) m
$$
"""
# A cooperative's first history is written whole; a concurrent writer of the same cooperative
# waits on that row's uniqueness check until this one commits, and then updates it. An
# existing row is locked first, then read in a statement of its own: under read committed that
# statement sees what a writer before committed, so neither's change is lost. A cooperative
# deleted meanwhile (a cascade) gets no row.
REFRESH = """
CREATE FUNCTION cooperative_history_refresh(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    made uuid[];
BEGIN
    WITH made AS (
        INSERT INTO cooperative_history
        SELECT * FROM cooperative_history_of(
            ARRAY(SELECT c.id FROM cooperatives c WHERE c.id = ANY (ids) ORDER BY c.id))
        ON CONFLICT DO NOTHING RETURNING cooperative_id)
    SELECT coalesce(array_agg(cooperative_id), '{}') INTO made FROM made;
    ids := ARRAY(SELECT k FROM unnest(ids) AS k WHERE k <> ALL (made) ORDER BY k);
    IF ids = '{}' THEN
        RETURN;
    END IF;
    PERFORM 1 FROM cooperative_history h WHERE h.cooperative_id = ANY (ids)
    ORDER BY h.cooperative_id FOR UPDATE;
    UPDATE cooperative_history h
    SET rat_years = n.rat_years, rat_dates = n.rat_dates, health_years = n.health_years,
        health_categories = n.health_categories, health_scores = n.health_scores,
        health_dates = n.health_dates, member_groups = n.member_groups,
        member_group_count = n.member_group_count,
        member_cooperative_ids = n.member_cooperative_ids
    FROM cooperative_history_of(ids) n
    WHERE h.cooperative_id = n.cooperative_id;
END $$
"""
# One trigger function for the four tables: the cooperative's column is the trigger's
# argument; the rows a statement inserted, changed (before and after) or deleted name the
# cooperatives to recompute.
CHANGED = """
CREATE FUNCTION cooperative_history_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO ids;
    ELSIF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO ids;
    ELSE
        EXECUTE format(
            'SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM new_rows '
            'UNION ALL SELECT %1$I FROM old_rows) u', TG_ARGV[0]) INTO ids;
    END IF;
    IF ids IS NOT NULL THEN
        PERFORM cooperative_history_refresh(ids);
    END IF;
    RETURN NULL;
END $$
"""
TABLES = {
    "annual_meetings": "cooperative_id",
    "health_assessments": "cooperative_id",
    "member_groups": "cooperative_id",
    "secondary_memberships": "secondary_id",
}
EVENTS = {
    "insert": ("INSERT", "NEW TABLE AS new_rows"),
    "update": ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    "delete": ("DELETE", "OLD TABLE AS old_rows"),
}
BACKFILL = """
SELECT cooperative_history_refresh(array_agg(DISTINCT id)) FROM (
    SELECT cooperative_id AS id FROM annual_meetings
    UNION ALL SELECT cooperative_id FROM health_assessments
    UNION ALL SELECT cooperative_id FROM member_groups
    UNION ALL SELECT secondary_id FROM secondary_memberships) h
HAVING count(*) > 0
"""


def upgrade() -> None:
    op.create_table(
        "cooperative_history",
        sa.Column("cooperative_id", postgresql.UUID(as_uuid=True), nullable=False),
        sa.Column("rat_years", postgresql.ARRAY(sa.Integer()), nullable=True),
        sa.Column("rat_dates", postgresql.ARRAY(sa.Date()), nullable=True),
        sa.Column("health_years", postgresql.ARRAY(sa.Integer()), nullable=True),
        sa.Column("health_categories", postgresql.ARRAY(sa.Text()), nullable=True),
        sa.Column("health_scores", postgresql.ARRAY(sa.Numeric(5, 2)), nullable=True),
        sa.Column("health_dates", postgresql.ARRAY(sa.Date()), nullable=True),
        sa.Column("member_groups", sa.JSON(), nullable=True),
        sa.Column("member_group_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("member_cooperative_ids", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_cooperative_history_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("cooperative_id", name=op.f("pk_cooperative_history")),
    )
    # The history is taken as it is now: no change may come between the backfill and the
    # triggers.
    op.execute(
        "LOCK TABLE annual_meetings, health_assessments, member_groups, secondary_memberships "
        "IN SHARE MODE"
    )
    op.execute(HISTORY_OF)
    op.execute(REFRESH)
    op.execute(CHANGED)
    for table, column in TABLES.items():
        for event, (verb, rows) in EVENTS.items():
            op.execute(
                f"CREATE TRIGGER {table}_history_{event} AFTER {verb} ON {table} "
                f"REFERENCING {rows} FOR EACH STATEMENT "
                f"EXECUTE FUNCTION cooperative_history_changed('{column}')"
            )
    op.execute(BACKFILL)


def downgrade() -> None:
    for table in TABLES:
        for event in EVENTS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_history_{event} ON {table}")
    op.execute("DROP FUNCTION IF EXISTS cooperative_history_changed()")
    op.execute("DROP FUNCTION IF EXISTS cooperative_history_refresh(uuid[])")
    op.execute("DROP FUNCTION IF EXISTS cooperative_history_of(uuid[])")
    op.drop_table("cooperative_history")
