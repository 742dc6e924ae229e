"""Sending a notification's mail: SMTP (``smtp_*`` settings), or an ``.eml`` file in
``mail_dir`` when no SMTP server is set (``kopmod up``). A failing server is retried at once a
few times (stamina); what still fails goes back to the outbox for a later attempt. The
Message-ID is the notification's, so a copy resent after a crash is recognisably the same."""

from __future__ import annotations

import asyncio
import smtplib
from email.message import EmailMessage
from email.utils import formatdate
from pathlib import Path

import stamina

from console.settings import ConsoleSettings


def message(settings: ConsoleSettings, key: str, to: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = f"<notification-{key}@kopmod>"
    msg.set_content(body)
    return msg


def _send_sync(settings: ConsoleSettings, msg: EmailMessage) -> None:
    if not settings.smtp_host:
        folder = settings.mail_dir or Path(".kopmod/mail")
        folder.mkdir(parents=True, exist_ok=True)
        name = str(msg["Message-ID"]).strip("<>").replace("@", "_")
        (folder / f"{name}.eml").write_bytes(bytes(msg))
        return
    with smtplib.SMTP(
        settings.smtp_host, settings.smtp_port, timeout=settings.outgoing_timeout_seconds
    ) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username, settings.smtp_password.get_secret_value())
        smtp.send_message(msg)


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
