"""idempotency_claim: an Idempotency-Key's lock and lookup in one round trip

``idempotency_claim(client, key)`` takes the transaction-scoped advisory lock of the key (the
same lock, on the same hash, as the two statements of ``kopmod_shared.idempotency``) and, when
it got it, reads the stored response in a statement of its own: a VOLATILE function's statement
takes its snapshot when it starts, so the lookup sees a first request that committed before the
lock was granted, as the second statement did. Always one row: ``locked``, then the record's
columns (NULL when none). Expand only: a function nothing else uses; the previous release
keeps its two statements. The same function as financing's (a7c9e1f3b5d6) and the
marketplace's (e3b7d1a9c5f2), copied: a migration is frozen, never imported from the code.

Revision ID: c5e7a9b1d3f4
Revises: b7e2c4a9d1f3
Create Date: 2026-12-03 16:30:00.000000+00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "c5e7a9b1d3f4"
down_revision: str | Sequence[str] | None = "b7e2c4a9d1f3"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        CREATE OR REPLACE FUNCTION idempotency_claim(p_client text, p_key text)
        RETURNS TABLE (
            locked boolean, fingerprint text, status_code integer, body bytea,
            content_type text, location text
        )
        LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
            locked := pg_try_advisory_xact_lock(hashtextextended(p_client || chr(31) || p_key, 42));
            IF locked THEN
                SELECT k.fingerprint, k.status_code, k.body, k.content_type, k.location
                  INTO fingerprint, status_code, body, content_type, location
                  FROM idempotency_keys k
                 WHERE k.client_id = p_client AND k.key = p_key AND k.expires_at > now();
            END IF;
            RETURN NEXT;
        END
        $$
        """
    )


def downgrade() -> None:
    op.execute("DROP FUNCTION IF EXISTS idempotency_claim(text, text)")
