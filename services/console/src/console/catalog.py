"""Keep the catalogs in step with the code: ``uv run python -m console.catalog``.

Extracts every message (``N_()`` in Python, ``_()`` and ``{% trans %}`` in templates), adds the
new ones to ``locale/id`` and ``locale/en`` (empty, to translate), drops the ones no longer used,
keeps every translation, and lists the Indonesian ones still missing (``--check`` fails on
them: CI's catalog test does the same). Catalogs are written without header or locations, one
entry per block, sorted, so parallel branches merge them as a union (.gitattributes).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import write_po

from console.i18n import LANGUAGES, LOCALE_DIR, read_catalog

SOURCE = Path(__file__).parent
METHODS = [
    ("**/templates/**.html", "jinja2"),
    ("**.py", "python"),
]
# silent=false: a template the extractor cannot parse fails loudly instead of being skipped.
OPTIONS = {
    "**/templates/**.html": {"extensions": "jinja2.ext.i18n,jinja2.ext.do", "silent": "false"}
}
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def extract() -> dict[str, str | tuple[str, ...]]:
    """msgid (or its plural pair) -> the file it came from, for every message in the code."""
    found: dict[str, str | tuple[str, ...]] = {}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        SOURCE, METHODS, OPTIONS, KEYWORDS
    ):
        if filename.endswith("catalog.py"):
            continue
        key = message[0] if isinstance(message, tuple) else message
        if key:
            found[key] = message
    return found


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


def read(lang: str) -> Catalog:
    return read_catalog(lang)


def update() -> dict[str, list[str]]:
    """Write both catalogs; return the messages each still lacks a translation for."""
    messages = extract()
    missing: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        old = read(lang) if catalog_path(lang).exists() else Catalog(locale=lang)
        new = Catalog(locale=lang, project="kopmod console")
        for key, message in sorted(messages.items()):
            previous = old.get(key)
            new.add(message, previous.string if previous is not None else "")
        catalog_path(lang).parent.mkdir(parents=True, exist_ok=True)
        with catalog_path(lang).open("wb") as f:
            write_po(f, new, omit_header=True, no_location=True, width=0)
        if lang != "en":
            missing[lang] = [k for k in sorted(messages) if not _translated(new.get(k))]
    return missing


def _translated(entry: object) -> bool:
    string = getattr(entry, "string", "")
    if isinstance(string, tuple):
        return all(string)
    return bool(string)


def main() -> int:
    missing = update()
    for lang, keys in missing.items():
        for key in keys:
            print(f"{lang}: not translated: {key!r}")
    return 1 if "--check" in sys.argv and any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
