"""The registry's declarative base and metadata; every module's models are imported here so
Alembic sees the whole schema."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from kopmod_shared.db import make_metadata
from kopmod_shared.idempotency import define_idempotency_table
from kopmod_shared.outbox import define_outbox_table
from kopmod_shared.ratelimit import define_rate_limit_table
from kopmod_shared.revocation import define_revocation_table
from kopmod_shared.webhooks import define_inbox_table, define_webhook_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


idempotency_keys = define_idempotency_table(Base.metadata)
outbox_events = define_outbox_table(Base.metadata)
webhook_tables = define_webhook_tables(Base.metadata)
inbox_events = define_inbox_table(Base.metadata)
rate_limit_buckets = define_rate_limit_table(Base.metadata)
revoked_subjects = define_revocation_table(Base.metadata)

# Import module models last so they register on Base.metadata.
from registry.assessments import models as _assessment_models  # noqa: E402, F401
from registry.audit import models as _audit_models  # noqa: E402, F401
from registry.cooperatives import models as _cooperative_models  # noqa: E402, F401
from registry.identity import models as _identity_models  # noqa: E402, F401
from registry.imports import models as _import_models  # noqa: E402, F401
from registry.modernisation import models as _modernisation_models  # noqa: E402, F401
from registry.oidc import models as _oidc_models  # noqa: E402, F401
from registry.people import models as _people_models  # noqa: E402, F401
from registry.products import models as _product_models  # noqa: E402, F401
from registry.rat import models as _rat_models  # noqa: E402, F401
from registry.restructuring import models as _restructuring_models  # noqa: E402, F401
