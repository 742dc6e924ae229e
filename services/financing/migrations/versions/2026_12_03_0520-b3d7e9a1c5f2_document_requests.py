"""document requests

Revision ID: b3d7e9a1c5f2
Revises: f8bad177029c
Create Date: 2026-12-03 05:20:00.000000+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "b3d7e9a1c5f2"
down_revision: str | Sequence[str] | None = "f8bad177029c"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A new table only (expand): the previous release never reads it.
    op.create_table(
        "document_requests",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("application_id", sa.UUID(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.String(length=200), nullable=False),
        sa.Column(
            "requested_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column("fulfilled_by_document_id", sa.UUID(), nullable=True),
        sa.Column("fulfilled_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_document_requests_application_id_applications"),
        ),
        sa.ForeignKeyConstraint(
            ["fulfilled_by_document_id"],
            ["application_documents.id"],
            name=op.f("fk_document_requests_fulfilled_by_document_id_application_documents"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_requests")),
    )
    op.create_index(
        op.f("ix_document_requests_application_id"),
        "document_requests",
        ["application_id"],
        unique=False,
    )
    op.create_index(
        "ix_document_requests_open",
        "document_requests",
        ["application_id", "kind"],
        unique=False,
        postgresql_where=sa.text("status = 'open'"),
    )


def downgrade() -> None:
    op.drop_index(
        "ix_document_requests_open",
        table_name="document_requests",
        postgresql_where=sa.text("status = 'open'"),
    )
    op.drop_index(op.f("ix_document_requests_application_id"), table_name="document_requests")
    op.drop_table("document_requests")
