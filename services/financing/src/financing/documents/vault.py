"""Documents sealed on their way into storage and opened on their way out.

:class:`DocumentVault` is what the application code holds: storage (where the bytes live, see
``storage.py``) plus the cipher (``crypto.py``). The storage key is bound into each sealed file
as associated data.
"""

from __future__ import annotations

import asyncio

from financing.documents.crypto import DocumentCipher
from financing.documents.storage import DocumentStorage


class DocumentVault:
    def __init__(self, storage: DocumentStorage, cipher: DocumentCipher) -> None:
        self.storage = storage
        self.cipher = cipher

    async def put(self, storage_key: str, data: bytes) -> str:
        """Seal ``data`` under the current key and store it; the key id to record."""
        key_id, sealed = await asyncio.to_thread(self.cipher.seal, data, storage_key.encode())
        await self.storage.put(storage_key, sealed)
        return key_id

    async def get(self, storage_key: str, key_id: str | None) -> bytes:
        """The plaintext. ``key_id`` None: a document stored before encryption, as it was."""
        stored = await self.storage.get(storage_key)
        if key_id is None:
            return stored
        return await asyncio.to_thread(self.cipher.open, key_id, stored, storage_key.encode())
