"""Events out of a service: the outbox relay, partner webhooks (Standard Webhooks 1.0), the SSRF
guard on partner URLs, and the inbox that de-duplicates events a service consumes.

A service opts in by declaring the tables (:func:`define_webhook_tables`) in its models and
migrations, mounting :func:`webhooks_router`, and starting a :class:`Relay` in its lifespan.
"""

from kopmod_shared.webhooks.relay import DEFAULT_SCHEDULE, Relay
from kopmod_shared.webhooks.signing import new_secret, sign_headers, verify
from kopmod_shared.webhooks.ssrf import UnsafeUrl, check_url
from kopmod_shared.webhooks.tables import WebhookTables, define_inbox_table, define_webhook_tables

__all__ = [
    "DEFAULT_SCHEDULE",
    "Relay",
    "UnsafeUrl",
    "WebhookTables",
    "check_url",
    "define_inbox_table",
    "define_webhook_tables",
    "new_secret",
    "sign_headers",
    "verify",
]
