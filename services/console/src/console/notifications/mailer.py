"""Sending a notification's mail: SMTP (``smtp_*`` settings), or an ``.eml`` file in
``mail_dir`` when no SMTP server is set (``kopmod up``). A failing server is retried at once a
few times (stamina); what still fails goes back to the outbox for a later attempt. The
Message-ID is derived from (event id, person), so every copy of one notification's mail, how
ever it came to be sent again, carries the same one; the file of ``mail_dir`` is named by it."""

from __future__ import annotations

import asyncio
import smtplib
import uuid
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path
from urllib.parse import urlsplit

import stamina

from console.settings import ConsoleSettings

# Names Message-IDs of notification mails (uuid5): a fixed namespace, so they never change.
MESSAGE_IDS = uuid.UUID("5c7e0a52-4f43-4d0c-9a0e-6b6f6d6f6401")


def message_id(settings: ConsoleSettings, event_id: uuid.UUID, person_id: str) -> str:
    """The one Message-ID of the mail telling ``person_id`` about ``event_id``."""
    key = uuid.uuid5(MESSAGE_IDS, f"{event_id}/{person_id}")
    host = urlsplit(settings.public_url).hostname or "kopmod"
    return f"<notification-{key}@{host}>"


def message(
    settings: ConsoleSettings, message_id: str, to: str, subject: str, body: str
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg


def _send_sync(settings: ConsoleSettings, msg: EmailMessage) -> None:
    if not settings.smtp_host:
        folder = settings.mail_dir or Path(".kopmod/mail")
        folder.mkdir(parents=True, exist_ok=True)
        name = str(msg["Message-ID"]).strip("<>").replace("@", "_")
        (folder / f"{name}.eml").write_bytes(bytes(msg))
        return
    smtp = smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.outgoing_timeout_seconds
    )
    try:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(msg)
    finally:
        # Accepted is sent: a QUIT that fails afterwards must not make it a failure (which
        # would be retried, a second copy); ``with SMTP()`` raises on a QUIT answered badly.
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


async def send(settings: ConsoleSettings, msg: EmailMessage) -> None:
    """Send one mail; raises ``OSError`` or ``smtplib.SMTPException`` when it could not."""
    async for attempt in stamina.retry_context(
        on=(OSError, smtplib.SMTPException),
        attempts=settings.smtp_attempts,
        wait_initial=0.2,
        wait_max=2.0,
    ):
        with attempt:
            await asyncio.to_thread(_send_sync, settings, msg)
