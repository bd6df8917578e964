"""The job that delivers an outbox email, at most once, retrying temporary failures.

Delivery is claimed first, in one UPDATE that only one copy of the job can win, so a
job delivered twice by the broker, or retried, never sends a second copy. A temporary
failure (a 4xx answer, a connection refused) releases the claim and retries with
back-off; a permanent one (5xx) is recorded and not retried. If a worker died between
sending and recording, the email stays claimed and is not sent again: when in doubt,
one missing email is better than two.
"""

import smtplib

from celery import shared_task
from flask import current_app
from sqlalchemy import update

from capstone import mail
from capstone.database import db
from capstone.models import OutboundEmail
from capstone.models.base import utcnow

MAX_RETRIES = 5


class TemporaryFailure(Exception):
    """The mail server could not take the email now; try again later."""


def claim(email_id):
    """Mark the email as being sent by this job; None if it is sent, claimed, or gone."""
    claimed = db.session.execute(
        update(OutboundEmail)
        .where(
            OutboundEmail.id == email_id,
            OutboundEmail.sent_at.is_(None),
            OutboundEmail.claimed_at.is_(None),
        )
        .values(claimed_at=utcnow(), attempts=OutboundEmail.attempts + 1)
    )
    db.session.commit()
    return db.session.get(OutboundEmail, email_id) if claimed.rowcount == 1 else None


@shared_task(
    name="capstone.send_email",
    autoretry_for=(TemporaryFailure,),
    max_retries=MAX_RETRIES,
    retry_backoff=30,  # seconds: 30, 60, 120, ... with jitter
    retry_backoff_max=30 * 60,
    retry_jitter=True,
)
def send_email(email_id):
    """Deliver outbox email `email_id`; return what happened: sent, skipped or failed."""
    email = claim(email_id)
    if email is None:
        return "skipped"
    message = mail.build_message(current_app.config, email.to, email.subject, email.body)
    try:
        mail.deliver(current_app.config, message)
    except (smtplib.SMTPException, OSError) as error:
        email.last_error = f"{type(error).__name__}: {error}"[:500]
        if mail.is_permanent(error):
            db.session.commit()  # stays claimed: nobody will try again
            return "failed"
        email.claimed_at = None  # free for the retry
        db.session.commit()
        raise TemporaryFailure(email.last_error) from error
    email.sent_at = utcnow()
    db.session.commit()
    return "sent"
