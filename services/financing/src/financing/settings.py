"""Financing settings: environment variables prefixed ``KOPMOD_FINANCING_``."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import SettingsConfigDict

from financing.documents.crypto import DocumentCipher
from kopmod_shared.settings import ServiceSettings

# Development only (refused in production): documents of a local stack stay readable across
# restarts without any set-up.
DEV_DOCUMENT_KEY_ID = "dev"
DEV_DOCUMENT_KEY = "ZGV2LW9ubHktZG9jdW1lbnQta2V5LTMyLWJ5dGVzISE="


class FinancingSettings(ServiceSettings):
    model_config = SettingsConfigDict(env_prefix="KOPMOD_FINANCING_", extra="ignore")
    default_secrets: ClassVar[frozenset[str]] = frozenset({DEV_DOCUMENT_KEY})

    service_name: str = "financing"
    database_url: str = "postgresql+asyncpg://postgres@127.0.0.1:5432/kopmod_financing"
    token_audience: str = "kopmod-financing"

    data_dir: Path = Field(
        default=Path(".kopmod/financing"),
        description="The service's data folder (documents live under it unless documents_dir "
        "says otherwise).",
    )
    documents_dir: Path | None = Field(
        default=None,
        description="Where the filesystem document storage keeps (encrypted) application "
        "files; default: <data_dir>/documents.",
    )
    document_keys: dict[str, SecretStr] = Field(
        default_factory=lambda: {DEV_DOCUMENT_KEY_ID: SecretStr(DEV_DOCUMENT_KEY)},
        description="AES-256-GCM keys for documents at rest, by key id: JSON "
        '`{"2026-12": "<base64 of 32 random bytes>"}`. Keep retired keys until every document '
        "has been re-encrypted (`kopmod jobs rekey-documents`).",
    )
    document_key_id: str = Field(
        default=DEV_DOCUMENT_KEY_ID, description="The key new documents are encrypted with."
    )
    max_document_bytes: int = Field(default=4 * 1024 * 1024, description="Largest upload.")
    required_document_kinds: list[str] = Field(
        default_factory=list,
        description="Document kinds an application must carry before it can be submitted.",
    )
    eligibility_retry_enabled: bool = Field(
        default=True,
        description="Run the eligibility worker inside the service process (submissions wait in "
        "`eligibility_check` for it; or run `kopmod jobs eligibility-worker` and set this false).",
    )
    eligibility_retry_interval_seconds: float = Field(
        default=1.0, description="How often the eligibility worker looks for due checks."
    )
    eligibility_worker_batch: int = Field(default=50, description="Checks claimed per round.")
    eligibility_worker_concurrency: int = Field(
        default=8, description="Checks of a round running at once (registry calls in flight)."
    )
    eligibility_retry_base_seconds: float = 30.0
    eligibility_retry_max_seconds: float = 3600.0

    @property
    def documents_path(self) -> Path:
        return self.documents_dir if self.documents_dir is not None else self.data_dir / "documents"

    def document_cipher(self) -> DocumentCipher:
        return DocumentCipher.from_encoded(
            {kid: key.get_secret_value() for kid, key in self.document_keys.items()},
            self.document_key_id,
        )

    def secrets_to_check(self) -> dict[str, str]:
        out = super().secrets_to_check()
        for kid, key in self.document_keys.items():
            out[f"document key {kid!r}"] = key.get_secret_value()
        return out

    @model_validator(mode="after")
    def _document_keys_usable(self) -> FinancingSettings:
        self.document_cipher()  # every key 32 bytes of base64, the current one among them
        return self
