"""The financing service's declarative base and metadata; every module's models are imported here
so Alembic sees the whole schema."""

from __future__ import annotations

from sqlalchemy.orm import DeclarativeBase

from kopmod_shared.db import make_metadata
from kopmod_shared.idempotency import define_idempotency_table
from kopmod_shared.outbox import define_outbox_table
from kopmod_shared.ratelimit import define_rate_limit_table
from kopmod_shared.revocation import define_revocation_table
from kopmod_shared.webhooks import define_inbox_table, define_webhook_tables
from kopmod_shared.webhooks.subscriber import define_subscription_table


class Base(DeclarativeBase):
    metadata = make_metadata()


idempotency_keys = define_idempotency_table(Base.metadata)
outbox_events = define_outbox_table(Base.metadata)
webhook_tables = define_webhook_tables(Base.metadata)
inbox_events = define_inbox_table(Base.metadata)
event_subscriptions = define_subscription_table(Base.metadata)
rate_limit_buckets = define_rate_limit_table(Base.metadata)
revoked_subjects = define_revocation_table(Base.metadata)

# Import module models last so they register on Base.metadata.
from financing.applications import models as _application_models  # noqa: E402, F401
from financing.arrears import models as _arrears_models  # noqa: E402, F401
from financing.audit import models as _audit_models  # noqa: E402, F401
from financing.committee import models as _committee_models  # noqa: E402, F401
from financing.document_requests import models as _document_request_models  # noqa: E402, F401
from financing.ledger import models as _ledger_models  # noqa: E402, F401
from financing.loans import models as _loan_models  # noqa: E402, F401
from financing.papers import models as _paper_models  # noqa: E402, F401
from financing.products import models as _product_models  # noqa: E402, F401
from financing.queues import models as _queue_models  # noqa: E402, F401
from financing.reconciliation import models as _reconciliation_models  # noqa: E402, F401
from financing.reports import models as _report_models  # noqa: E402, F401
from financing.reschedules import models as _reschedule_models  # noqa: E402, F401
from financing.restructuring import models as _restructuring_models  # noqa: E402, F401
from financing.writeoffs import models as _write_off_models  # noqa: E402, F401
