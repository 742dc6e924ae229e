"""Which files financing keeps: a short allow-list, decided by the file's own first bytes.

The uploader's content type and file name say nothing trustworthy: a file is kept only when its
magic bytes are those of an allowed type, and it is then stored, named and served as that type.
HTML, SVG, scripts and archives are refused (served back, they would run in a browser).
"""

from __future__ import annotations

from dataclasses import dataclass

from kopmod_shared.errors import UnsupportedMediaType


@dataclass(frozen=True)
class AllowedType:
    media_type: str
    extensions: tuple[str, ...]  # the first is added to a file name that has none of them
    magic: tuple[bytes, ...]


ALLOWED_TYPES = (
    AllowedType("application/pdf", (".pdf",), (b"%PDF-",)),
    AllowedType("image/png", (".png",), (b"\x89PNG\r\n\x1a\n",)),
    AllowedType("image/jpeg", (".jpg", ".jpeg"), (b"\xff\xd8\xff",)),
)
ALLOWED_MEDIA_TYPES = tuple(t.media_type for t in ALLOWED_TYPES)


def sniff(data: bytes) -> AllowedType:
    """The allowed type ``data`` starts as, or 415 problem+json."""
    for allowed in ALLOWED_TYPES:
        if data.startswith(allowed.magic):
            return allowed
    raise UnsupportedMediaType(
        "documents must be PDF, PNG or JPEG (checked from the file's content, not its name or "
        "declared type)",
        allowed=list(ALLOWED_MEDIA_TYPES),
    )


def with_extension(file_name: str, allowed: AllowedType) -> str:
    """The file name ending in the checked type's extension, so a saved copy opens as what it
    is (``report.html`` holding a PDF is served as ``report.html.pdf``)."""
    _, dot, ext = file_name.rpartition(".")
    if dot and f".{ext.lower()}" in allowed.extensions:
        return file_name
    suffix = allowed.extensions[0]
    return file_name[: 255 - len(suffix)] + suffix
