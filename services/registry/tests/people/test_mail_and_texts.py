from __future__ import annotations

from email import message_from_bytes

from registry.people.mail import Mail, Mailer
from registry.people.passwords import password_problem
from registry.people.texts import TEXTS, language
from registry.settings import RegistrySettings


async def test_without_smtp_mails_are_written_to_the_mail_folder(tmp_path):
    mailer = Mailer(RegistrySettings(mail_dir=tmp_path / "mail", smtp_host=""))
    await mailer.send([Mail(to="siti@kopigayo.co.id", subject="Undangan", body="Halo Siti")])
    [written] = list((tmp_path / "mail").glob("*.eml"))
    message = message_from_bytes(written.read_bytes())
    assert message["To"] == "siti@kopigayo.co.id" and message["Subject"] == "Undangan"
    assert message.get_payload(decode=True).decode().strip() == "Halo Siti"


def test_both_languages_say_everything():
    assert set(TEXTS["id"]) == set(TEXTS["en"])


def test_language_negotiation_defaults_to_bahasa_indonesia():
    assert language(None) == "id"
    assert language("fr-CA en-GB") == "en"
    assert language("de") == "id"


def test_password_policy():
    assert password_problem("short", min_length=10) == "password_too_short"
    assert password_problem("Password123", min_length=10) == "password_common"
    assert password_problem("ketua.koperasi-2026", min_length=10, email="ketua.koperasi@x.id") == (
        "password_has_email"
    )
    assert password_problem("kopi gayo dari takengon", min_length=10) is None
