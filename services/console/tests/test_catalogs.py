"""Every string a person reads comes from the catalogs: no bare text in a template, every
message translated into Indonesian and present in the English catalog; formats as Indonesians
write them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from console import catalog, i18n

PACKAGE = Path(catalog.__file__).parent
# Text a template may hold outside _(): the brand, punctuation, numbers, and HTML entities.
ALLOWED = {"kopmod", "English", "Bahasa Indonesia"}


def bare_text(source: str) -> list[str]:
    """Words in a template that no _() wraps: what is left after removing Jinja comments,
    statements and expressions, HTML tags (with their attributes) and entities."""
    text = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    text = re.sub(r"\{%.*?%\}", " ", text, flags=re.S)
    text = re.sub(r"\{\{.*?\}\}", " ", text, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text, flags=re.S)
    text = re.sub(r"&[a-z]+;", " ", text)
    # Attribute fragments that macros write between tags (aria-describedby="...").
    text = re.sub(r"[\w-]+=\"[^\"]*\"", " ", text)
    for allowed in ALLOWED:
        text = text.replace(allowed, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


def test_no_template_holds_text_outside_the_catalogs() -> None:
    offenders = {}
    for path in PACKAGE.rglob("templates/**/*.html"):
        words = bare_text(path.read_text())
        if words:
            offenders[str(path.relative_to(PACKAGE))] = words[:8]
    assert offenders == {}


def test_the_bare_text_check_sees_a_bare_word() -> None:
    assert bare_text('<p class="x">{{ _("Home") }} Selamat</p>') == ["Selamat"]


def test_every_message_is_in_both_catalogs_and_translated_into_indonesian() -> None:
    messages = catalog.extract()
    assert "Sign out" in messages and "Home" in messages  # templates and N_() both extracted
    indonesian = catalog.read("id")
    english = catalog.read("en")
    missing_en = [m for m in messages if english.get(m) is None]
    untranslated = [m for m in messages if not catalog._translated(indonesian.get(m))]
    assert missing_en == [], "run `uv run python -m console.catalog`"
    assert untranslated == [], "translate these in locale/id/LC_MESSAGES/messages.po"


def test_placeholders_survive_translation() -> None:
    indonesian = catalog.read("id")
    for message in indonesian:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(re.findall(r"%\(\w+\)s", ids[0]))
        for string in strings:
            assert set(re.findall(r"%\(\w+\)s", string)) == wanted, message.id


def test_rupiah_dates_and_times_in_indonesian_convention() -> None:
    token = i18n.current_language.set("id")
    try:
        assert i18n.rupiah("1500000") == "Rp1.500.000,00"
        assert i18n.rupiah("1234.5") == "Rp1.234,50"
        assert i18n.long_date(date(2026, 12, 2)) == "2 Desember 2026"
        assert i18n.percent("0.065") == "6,5%"
        # 23:30 UTC on 1 December is 06:30 on 2 December in Jakarta (WIB, UTC+7).
        moment = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)
        assert i18n.date_time(moment) == "2 Desember 2026 06.30 WIB"
        assert i18n.long_date(moment) == "2 Desember 2026"
        i18n.current_language.set("en")
        assert i18n.long_date(date(2026, 12, 2)) == "2 December 2026"
        assert i18n.gettext("Home") == "Home"
        i18n.current_language.set("id")
        assert i18n.gettext("Home") == "Beranda"
    finally:
        i18n.current_language.reset(token)


def test_a_union_merged_catalog_is_repaired_when_read() -> None:
    # Two branches each added an entry at the same place; git's union merge kept both sides'
    # lines but joined the entries and took one "msgstr" line as shared.
    merged = 'msgid "A"\nmsgstr "a"\nmsgid "B"\nmsgid "C"\nmsgstr ""\n#, python-format\nmsgid "D"'
    text = i18n.separated(merged)
    assert text == (
        'msgid "A"\nmsgstr "a"\n\nmsgid "B"\nmsgstr ""\n\nmsgid "C"\nmsgstr ""\n\n'
        '#, python-format\nmsgid "D"\nmsgstr ""\n'
    )
