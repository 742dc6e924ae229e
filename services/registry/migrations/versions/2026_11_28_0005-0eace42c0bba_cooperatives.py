"""cooperatives: the registry proper (cooperatives, member groups, RAT, health,
modernisation, mentoring, products, restructuring, import batches)

Revision ID: 0eace42c0bba
Revises: eb8ed9abb353
Create Date: 2026-11-28 00:05:03.727200+00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0eace42c0bba"
down_revision: str | Sequence[str] | None = "eb8ed9abb353"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cooperatives",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "name_search",
            postgresql.TSVECTOR(),
            sa.Computed("to_tsvector('simple', name)", persisted=True),
            nullable=False,
        ),
        sa.Column(
            "type",
            sa.Enum(
                "simpan_pinjam",
                "konsumen",
                "produsen",
                "pemasaran",
                "jasa",
                name="cooperative_type",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column(
            "level",
            sa.Enum(
                "primary",
                "secondary",
                name="cooperative_level",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("legal_decree_number", sa.String(length=100), nullable=True),
        sa.Column("legal_decree_date", sa.Date(), nullable=True),
        sa.Column("nib", sa.String(length=13), nullable=True),
        sa.Column("nik_koperasi", sa.String(length=30), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=True),
        sa.Column("region_code", sa.String(length=13), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column(
            "business_sectors", sa.ARRAY(sa.String(length=100)), server_default="{}", nullable=False
        ),
        sa.Column(
            "commodities", sa.ARRAY(sa.String(length=10)), server_default="{}", nullable=False
        ),
        sa.Column(
            "membership_area",
            sa.Enum(
                "regency",
                "province",
                "national",
                name="membership_area",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column(
            "scale_band",
            sa.Enum(
                "mikro",
                "kecil",
                "menengah",
                "besar",
                name="scale_band",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("member_count", sa.Integer(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active",
                "inactive",
                "dissolved",
                "merged",
                name="cooperative_status",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("external_id", sa.String(length=100), nullable=True),
        sa.Column("cohort_year", sa.Integer(), nullable=True),
        sa.Column(
            "phase",
            sa.Enum(
                "permodelan",
                "replikasi",
                "masifikasi",
                "pemantapan",
                name="modernisation_phase",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=True,
        ),
        sa.Column("import_batch_id", sa.UUID(), nullable=True),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(latitude IS NULL) = (longitude IS NULL)",
            name=op.f("ck_cooperatives_coordinates_pair"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cooperatives")),
        sa.UniqueConstraint("external_id", name=op.f("uq_cooperatives_external_id")),
        sa.UniqueConstraint("nib", name=op.f("uq_cooperatives_nib")),
        sa.UniqueConstraint("nik_koperasi", name=op.f("uq_cooperatives_nik_koperasi")),
    )
    op.create_index(
        "ix_cooperatives_commodities",
        "cooperatives",
        ["commodities"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_cooperatives_founded_on_id", "cooperatives", ["founded_on", "id"], unique=False
    )
    op.create_index(
        op.f("ix_cooperatives_import_batch_id"), "cooperatives", ["import_batch_id"], unique=False
    )
    op.create_index("ix_cooperatives_name_id", "cooperatives", ["name", "id"], unique=False)
    op.create_index(
        "ix_cooperatives_name_search",
        "cooperatives",
        ["name_search"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_cooperatives_phase_cohort", "cooperatives", ["phase", "cohort_year"], unique=False
    )
    op.create_index(
        "ix_cooperatives_region_code",
        "cooperatives",
        ["region_code"],
        unique=False,
        postgresql_ops={"region_code": "varchar_pattern_ops"},
    )
    op.create_index("ix_cooperatives_type_status", "cooperatives", ["type", "status"], unique=False)
    op.create_table(
        "import_batches",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("format", sa.String(length=10), nullable=False),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("partial", sa.Boolean(), nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batches")),
    )
    op.create_table(
        "restructurings",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "merger",
                "fusion",
                "spin_off",
                name="restructuring_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("effective_on", sa.Date(), nullable=False),
        sa.Column("decree_number", sa.String(length=100), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restructurings")),
    )
    op.create_table(
        "annual_meetings",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("attendance", sa.Integer(), nullable=False),
        sa.Column("members_total", sa.Integer(), nullable=True),
        sa.Column("net_surplus", sa.Numeric(precision=20, scale=2), nullable=False),
        sa.Column("assets", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("liabilities", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("equity", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("revenue", sa.Numeric(precision=20, scale=2), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "(assets IS NULL) = (liabilities IS NULL) AND (assets IS NULL) = (equity IS NULL) "
            "AND (assets IS NULL) = (revenue IS NULL)",
            name=op.f("ck_annual_meetings_statements_complete"),
        ),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_annual_meetings_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_annual_meetings")),
        sa.UniqueConstraint("cooperative_id", "year", name="uq_annual_meetings_cooperative_year"),
    )
    op.create_table(
        "health_assessments",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("score", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "sehat",
                "cukup_sehat",
                "dalam_pengawasan",
                "dalam_pengawasan_khusus",
                name="health_category",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_health_assessments_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_health_assessments")),
        sa.UniqueConstraint(
            "cooperative_id", "year", name="uq_health_assessments_cooperative_year"
        ),
    )
    op.create_table(
        "member_groups",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "founder",
                "worker",
                "user_producer",
                "investor",
                "other",
                name="member_group_kind",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("member_count", sa.Integer(), nullable=False),
        sa.Column("voting_share", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_member_groups_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_groups")),
    )
    op.create_index(
        op.f("ix_member_groups_cooperative_id"), "member_groups", ["cooperative_id"], unique=False
    )
    op.create_table(
        "mentoring_records",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("focus", sa.ARRAY(sa.String(length=30)), nullable=False),
        sa.Column("mentor", sa.String(length=200), nullable=False),
        sa.Column("mentor_organisation", sa.String(length=200), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_mentoring_records_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentoring_records")),
    )
    op.create_index(
        op.f("ix_mentoring_records_cooperative_id"),
        "mentoring_records",
        ["cooperative_id"],
        unique=False,
    )
    op.create_table(
        "modernisation_stages",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("cohort_year", sa.Integer(), nullable=False),
        sa.Column(
            "phase",
            sa.Enum(
                "permodelan",
                "replikasi",
                "masifikasi",
                "pemantapan",
                name="modernisation_phase",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=200), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_modernisation_stages_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_modernisation_stages")),
    )
    op.create_index(
        op.f("ix_modernisation_stages_cooperative_id"),
        "modernisation_stages",
        ["cooperative_id"],
        unique=False,
    )
    op.create_table(
        "products",
        sa.Column("id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("hs_code", sa.String(length=10), nullable=False),
        sa.Column("processed", sa.Boolean(), nullable=False),
        sa.Column("domestic_market", sa.Boolean(), nullable=False),
        sa.Column("export_market", sa.Boolean(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("now()"),
            nullable=False,
        ),
        sa.CheckConstraint("domestic_market OR export_market", name=op.f("ck_products_has_market")),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_products_cooperative_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
    )
    op.create_index(
        op.f("ix_products_cooperative_id"), "products", ["cooperative_id"], unique=False
    )
    op.create_index(op.f("ix_products_hs_code"), "products", ["hs_code"], unique=False)
    op.create_table(
        "restructuring_participants",
        sa.Column("restructuring_id", sa.UUID(), nullable=False),
        sa.Column("cooperative_id", sa.UUID(), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "predecessor",
                "successor",
                name="participant_role",
                native_enum=False,
                create_constraint=True,
                length=30,
            ),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["cooperative_id"],
            ["cooperatives.id"],
            name=op.f("fk_restructuring_participants_cooperative_id_cooperatives"),
        ),
        sa.ForeignKeyConstraint(
            ["restructuring_id"],
            ["restructurings.id"],
            name=op.f("fk_restructuring_participants_restructuring_id_restructurings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "restructuring_id", "cooperative_id", name=op.f("pk_restructuring_participants")
        ),
    )
    op.create_index(
        op.f("ix_restructuring_participants_cooperative_id"),
        "restructuring_participants",
        ["cooperative_id"],
        unique=False,
    )
    op.create_table(
        "secondary_memberships",
        sa.Column("secondary_id", sa.UUID(), nullable=False),
        sa.Column("member_id", sa.UUID(), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["cooperatives.id"],
            name=op.f("fk_secondary_memberships_member_id_cooperatives"),
        ),
        sa.ForeignKeyConstraint(
            ["secondary_id"],
            ["cooperatives.id"],
            name=op.f("fk_secondary_memberships_secondary_id_cooperatives"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("secondary_id", "member_id", name=op.f("pk_secondary_memberships")),
    )
    op.create_index(
        op.f("ix_secondary_memberships_member_id"),
        "secondary_memberships",
        ["member_id"],
        unique=False,
    )
    # ### end Alembic commands ###


def downgrade() -> None:
    # ### commands auto generated by Alembic - please adjust! ###
    op.drop_index(op.f("ix_secondary_memberships_member_id"), table_name="secondary_memberships")
    op.drop_table("secondary_memberships")
    op.drop_index(
        op.f("ix_restructuring_participants_cooperative_id"),
        table_name="restructuring_participants",
    )
    op.drop_table("restructuring_participants")
    op.drop_index(op.f("ix_products_hs_code"), table_name="products")
    op.drop_index(op.f("ix_products_cooperative_id"), table_name="products")
    op.drop_table("products")
    op.drop_index(op.f("ix_modernisation_stages_cooperative_id"), table_name="modernisation_stages")
    op.drop_table("modernisation_stages")
    op.drop_index(op.f("ix_mentoring_records_cooperative_id"), table_name="mentoring_records")
    op.drop_table("mentoring_records")
    op.drop_index(op.f("ix_member_groups_cooperative_id"), table_name="member_groups")
    op.drop_table("member_groups")
    op.drop_table("health_assessments")
    op.drop_table("annual_meetings")
    op.drop_table("restructurings")
    op.drop_table("import_batches")
    op.drop_index("ix_cooperatives_type_status", table_name="cooperatives")
    op.drop_index(
        "ix_cooperatives_region_code",
        table_name="cooperatives",
        postgresql_ops={"region_code": "varchar_pattern_ops"},
    )
    op.drop_index("ix_cooperatives_phase_cohort", table_name="cooperatives")
    op.drop_index("ix_cooperatives_name_search", table_name="cooperatives", postgresql_using="gin")
    op.drop_index("ix_cooperatives_name_id", table_name="cooperatives")
    op.drop_index(op.f("ix_cooperatives_import_batch_id"), table_name="cooperatives")
    op.drop_index("ix_cooperatives_founded_on_id", table_name="cooperatives")
    op.drop_index("ix_cooperatives_commodities", table_name="cooperatives", postgresql_using="gin")
    op.drop_table("cooperatives")
    # ### end Alembic commands ###
