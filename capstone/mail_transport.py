"""Sending one email: over SMTP when MAIL_SERVER is set, otherwise into the log.

Only jobs call `deliver` (capstone/jobs/delivery.py): a slow or broken mail server then
delays a job, never a page.
"""

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app


def build_message(config, to, subject, body):
    """A plain-text email from the configured sender."""
    message = EmailMessage()
    message["From"] = config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="capstone")
    message.set_content(body)
    return message


def deliver(config, message):
    """Send `message` with the MAIL_* settings; smtplib's exceptions tell what went wrong."""
    if not config["MAIL_SERVER"]:
        current_app.logger.info(
            "Email not sent (MAIL_SERVER is not set)\nTo: %s\nSubject: %s\n\n%s",
            message["To"],
            message["Subject"],
            message.get_content(),
        )
        return
    if config["MAIL_USE_SSL"]:
        connection = smtplib.SMTP_SSL(
            config["MAIL_SERVER"],
            config["MAIL_PORT"],
            timeout=config["MAIL_TIMEOUT_SECONDS"],
            context=ssl.create_default_context(),
        )
    else:
        connection = smtplib.SMTP(
            config["MAIL_SERVER"], config["MAIL_PORT"], timeout=config["MAIL_TIMEOUT_SECONDS"]
        )
    with connection:
        if config["MAIL_USE_TLS"]:
            connection.starttls(context=ssl.create_default_context())
        if config["MAIL_USERNAME"]:
            connection.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        connection.send_message(message)


def is_permanent(error):
    """True for an SMTP answer that a retry cannot change (5xx, every recipient refused)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return isinstance(error, smtplib.SMTPResponseException) and 500 <= error.smtp_code < 600
