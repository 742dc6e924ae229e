"""The text of a PDF as ``pdftotext`` (poppler-utils) reads it, and the akad hash recomputed
the way a partner would: SHA-256 of the terms as canonical JSON."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from typing import Any

import pytest


def pdf_text(data: bytes) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    assert data.startswith(b"%PDF-"), data[:20]
    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode()


def canonical_hash(terms: dict[str, Any]) -> str:
    raw = json.dumps(terms, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()
