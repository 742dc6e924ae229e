"""Outgoing mail: SMTP in production, .eml files in a folder for `kopmod up`.

Mails are sent after the request's transaction commits (a background task of the response), so
a refused command sends nothing and no mail is sent for a change that was rolled back.
"""

from __future__ import annotations

import asyncio
import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

from registry.settings import RegistrySettings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    body: str


class Mailer:
    def __init__(self, settings: RegistrySettings) -> None:
        self.settings = settings

    def _message(self, mail: Mail) -> EmailMessage:
        msg = EmailMessage()
        msg["From"] = self.settings.mail_from
        msg["To"] = mail.to
        msg["Subject"] = mail.subject
        msg["Date"] = formatdate(localtime=False)
        msg["Message-ID"] = make_msgid(domain="kopmod")
        msg.set_content(mail.body)
        return msg

    def _send_sync(self, mails: list[Mail]) -> None:
        s = self.settings
        if not s.smtp_host:
            folder = s.mail_dir or Path(".kopmod/mail")
            folder.mkdir(parents=True, exist_ok=True)
            for mail in mails:
                msg = self._message(mail)
                name = msg["Message-ID"].strip("<>").replace("@", "_")
                (folder / f"{name}.eml").write_bytes(bytes(msg))
            return
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=s.outgoing_timeout_seconds) as smtp:
            if s.smtp_starttls:
                smtp.starttls()
            if s.smtp_username:
                smtp.login(s.smtp_username, s.smtp_password.get_secret_value())
            for mail in mails:
                smtp.send_message(self._message(mail))

    async def send(self, mails: list[Mail]) -> None:
        if not mails:
            return
        try:
            await asyncio.to_thread(self._send_sync, mails)
        except (OSError, smtplib.SMTPException):
            # The command has committed; the person can ask again (a new link), so a lost mail
            # is logged, not raised at a response that has already left.
            log.exception("could not send %d mail(s)", len(mails))
