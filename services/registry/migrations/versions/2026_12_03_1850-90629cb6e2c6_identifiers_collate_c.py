"""identifiers compared as bytes: nib, nik_koperasi and external_id take the C collation

The three identifiers are only ever compared for equality (their unique constraints, the
import's already-registered lookup, the list's ``external_id`` filter) and never sorted. With
the database's default collation (``C.UTF-8`` here, which Postgres 15 compares through
``strcoll``) every comparison in their unique indexes copied both strings and called the C
library; with ``"C"`` it is a ``memcmp``. Equality and uniqueness are the same either way (a
deterministic collation decides equality bytewise), so lookups and the answers do not change;
inserting 100,000 new identifiers into the three unique indexes of 100,000 took 0.61 against
0.74 CPU s of the backend (docs/performance.md). The unique indexes are rebuilt; the table is
not rewritten (same type).

Revision ID: 90629cb6e2c6
Revises: c5e7a9b1d3f4
Create Date: 2026-12-03 18:50:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "90629cb6e2c6"
down_revision: str | Sequence[str] | None = "c5e7a9b1d3f4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

IDENTIFIERS = (("nib", 13), ("nik_koperasi", 30), ("external_id", 100))


def _collate(collation: str | None) -> None:
    for column, length in IDENTIFIERS:
        op.alter_column(
            "cooperatives",
            column,
            type_=sa.String(length, collation=collation),
            existing_nullable=True,
            postgresql_using=f'{column} COLLATE "{collation or "default"}"',
        )


def upgrade() -> None:
    _collate("C")


def downgrade() -> None:
    _collate(None)
