"""document encryption key id

Documents are sealed at rest with AES-256-GCM; each records the id of the key that sealed it
(``application_documents.encryption_key_id``), so keys can rotate. Rows from before carry NULL
until `kopmod jobs rekey-documents` seals their files.

Revision ID: c3e1a9d4f7b2
Revises: b62182d324cc
Create Date: 2026-12-02 16:00:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "c3e1a9d4f7b2"
down_revision: str | Sequence[str] | None = "b62182d324cc"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "application_documents",
        sa.Column("encryption_key_id", sa.String(length=40), nullable=True),
    )


def downgrade() -> None:
    op.drop_column("application_documents", "encryption_key_id")
