"""Languages and formats: Babel catalogs (``locale/<lang>/LC_MESSAGES/messages.po``, compiled in
memory at start), Bahasa Indonesia by default, English on request; rupiah, dates and times as
Indonesians write them (``Rp1.500.000,00``, ``2 Desember 2026``, times in WIB).

Message ids are English; the ``id`` catalog translates every one (a test checks), the ``en``
catalog holds every one too (an empty translation shows the id). Python code marks strings with
:func:`N_` (extracted, translated when rendered); templates use ``_()`` / ``{% trans %}``.
"""

from __future__ import annotations

from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from io import BytesIO
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal
from babel.support import Translations

LANGUAGES = ("id", "en")
LANGUAGE_COOKIE = "kopmod_lang"
DEFAULT_LANGUAGE = "id"
LOCALE_DIR = Path(__file__).parent / "locale"
WIB = ZoneInfo("Asia/Jakarta")
BABEL_LOCALES = {"id": "id_ID", "en": "en_ID"}

current_language: ContextVar[str] = ContextVar("console_language", default=DEFAULT_LANGUAGE)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogs; it is translated where it is shown."""
    return message


def separated(text: str) -> str:
    """The catalog repaired after a union merge of two branches' catalogs (.gitattributes):
    a blank line before every entry, and an empty ``msgstr`` for an entry whose own line the
    merge took as the other side's (an untranslated entry the catalog test then reports)."""
    out: list[str] = []
    pending = False  # a msgid seen, its msgstr not yet
    for line in text.splitlines():
        if line.startswith(("#", "msgid ")):
            if pending:
                out.append('msgstr ""')
                pending = False
            if out and out[-1] != "" and not out[-1].startswith("#"):
                out.append("")
            pending = line.startswith("msgid ")
        elif line.startswith("msgstr"):
            pending = False
        out.append(line)
    if pending:
        out.append('msgstr ""')
    return "\n".join(out) + "\n"


def read_catalog(lang: str) -> Catalog:
    """A language's catalog, read as ``read_po`` would after :func:`separated`; an entry two
    merged branches both added is kept once."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    return read_po(BytesIO(separated(path.read_text("utf-8")).encode()), locale=lang)


@cache
def translations(lang: str) -> Translations:
    catalog = read_catalog(lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer)


def gettext(message: str, **values: object) -> str:
    text = translations(current_language.get()).ugettext(message)
    return text % values if values else text


def ngettext(singular: str, plural: str, n: int, **values: object) -> str:
    text = translations(current_language.get()).ungettext(singular, plural, n)
    return text % {"num": n, **values}


def pick_language(*candidates: str | None) -> str:
    for candidate in candidates:
        if candidate:
            code = candidate.split(",")[0].split(";")[0].split("-")[0].strip().lower()
            if code in LANGUAGES:
                return code
    return DEFAULT_LANGUAGE


def _babel_locale() -> str:
    return BABEL_LOCALES.get(current_language.get(), "id_ID")


def rupiah(value: object) -> str:
    """``Rp1.500.000,00`` (two decimals always: the platform's money has cents)."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    return str(
        format_currency(
            amount, "IDR", format="¤#,##0.00", locale=_babel_locale(), currency_digits=False
        )
    )


def number(value: object) -> str:
    if value is None or value == "":
        return ""
    try:
        return str(format_decimal(Decimal(str(value)), locale=_babel_locale()))
    except InvalidOperation:
        return str(value)


def percent(rate: object) -> str:
    """A rate as a fraction (``0.06``) shown as Indonesians write it: ``6%``, ``6,5%``."""
    if rate is None or rate == "":
        return ""
    try:
        value = Decimal(str(rate)) * 100
    except InvalidOperation:
        return str(rate)
    return str(format_decimal(value.normalize(), format="#,##0.##", locale=_babel_locale())) + "%"


def long_date(value: date | datetime | str | None) -> str:
    """``2 Desember 2026``."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
    if isinstance(value, datetime):
        value = value.astimezone(WIB).date()
    return str(format_date(value, "d MMMM y", locale=_babel_locale()))


def month_name(value: str | None, short: bool = False) -> str:
    """A report's month (``2026-08``) as people say it: ``Agustus 2026``, or ``Agu 2026`` where
    room is short (a chart's axis); anything else is shown as it came."""
    if not value:
        return ""
    try:
        first = date.fromisoformat(f"{value}-01")
    except ValueError:
        return str(value)
    return str(format_date(first, "MMM y" if short else "MMMM y", locale=_babel_locale()))


def date_time(value: datetime | str | None) -> str:
    """``2 Desember 2026 14.05 WIB``: every time is shown in Western Indonesian Time."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return str(format_datetime(value, "d MMMM y HH.mm", tzinfo=WIB, locale=_babel_locale())) + (
        " WIB"
    )
