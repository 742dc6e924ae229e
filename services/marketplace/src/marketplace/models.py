"""The marketplace service's declarative base and metadata; every module's models are imported here
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
from marketplace.commodities import models as _commodities  # noqa: E402, F401
from marketplace.contracts import models as _contracts  # noqa: E402, F401
from marketplace.demands import models as _demands  # noqa: E402, F401
from marketplace.matching import models as _matching  # noqa: E402, F401
from marketplace.offers import models as _offers  # noqa: E402, F401
from marketplace.offtakers import models as _offtakers  # noqa: E402, F401
from marketplace.proposals import models as _proposals  # noqa: E402, F401
from marketplace.restructuring import models as _restructuring  # noqa: E402, F401
