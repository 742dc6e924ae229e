"""idempotency_claim(): an Idempotency-Key's lock and its lookup in one round trip

Every POST with an ``Idempotency-Key`` sent two statements before its work: the key's
transaction-scoped advisory lock, then the lookup of a stored answer. They cannot be one plain
statement: a statement's snapshot is taken before the lock is tried, so an answer committed by
the first request between the two would not be seen and the command would run twice. In a
VOLATILE plpgsql function each statement takes its own snapshot, so the lookup after the lock
sees everything committed before the lock was granted (``kopmod_shared.idempotency``, used when
the service says its database has the function).

Revision ID: a7c9e1f3b5d6
Revises: d2f4b6a8c0e1
Create Date: 2026-12-03 12:15:00.000000

"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "a7c9e1f3b5d6"
down_revision: str | Sequence[str] | None = "d2f4b6a8c0e1"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One row: ``locked`` false when another transaction holds the key (nothing else then); else
# the stored answer's columns, all null when there is none.
CLAIM = """
CREATE FUNCTION idempotency_claim(c text, k text)
RETURNS TABLE (locked boolean, fingerprint text, status_code integer, body bytea,
               content_type text, location text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtextextended(c || chr(31) || k, 42)) THEN
        RETURN QUERY SELECT false, NULL::text, NULL::integer, NULL::bytea, NULL::text, NULL::text;
        RETURN;
    END IF;
    -- A new snapshot: taken after the lock was granted.
    RETURN QUERY
        SELECT true, i.fingerprint::text, i.status_code, i.body, i.content_type::text,
               i.location::text
        FROM idempotency_keys i
        WHERE i.client_id = c AND i.key = k AND i.expires_at > now();
    IF NOT FOUND THEN
        RETURN QUERY SELECT true, NULL::text, NULL::integer, NULL::bytea, NULL::text, NULL::text;
    END IF;
END $$
"""


def upgrade() -> None:
    op.execute(CLAIM)


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS idempotency_claim(text, text)")
