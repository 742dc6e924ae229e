"""kopmod partner SDK.

``kopmod_sdk.registry``, ``kopmod_sdk.financing`` and ``kopmod_sdk.marketplace`` are generated
from ``openapi/<service>.json`` by ``openapi-python-client`` (``uv run kopmod openapi``); do not
edit them by hand. Each has ``Client`` / ``AuthenticatedClient`` and one module per operation
under ``api/<tag>/<operation id>.py`` with ``sync``, ``sync_detailed``, ``asyncio`` and
``asyncio_detailed``. Tokens come from the registry (``kopmod_sdk.registry.api.identity.
identity_token``); see docs/guide/ for the whole story.
"""
