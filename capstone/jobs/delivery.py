"""The jobs that deliver outbox emails: each at most once, retrying temporary failures.

Delivery is claimed first, in one UPDATE that only one copy of the job can win, so a
job delivered twice by the broker, or retried, or queued again by the sweep, never
sends a second copy. A temporary failure (a 4xx answer, a connection refused)
releases the claim and retries with back-off, at most MAX_RETRIES times; a permanent
one (5xx), or the last retry failing, is recorded and not tried again. If a worker died
between sending and recording, the email stays claimed and is not sent again: when in
doubt, one missing email is better than two.

The sweep, every minute, queues again every email whose job was lost: queued while the
broker was down (the commit succeeded, the queueing did not) or whose retry could not
be queued. Each email says when it may be swept (`next_attempt_at`), so an email
waiting for its back-off is left alone.
"""

import smtplib
from datetime import timedelta

from celery import shared_task
from flask import current_app
from sqlalchemy import update

from capstone import mail_transport
from capstone.database import db
from capstone.models import OutboundEmail
from capstone.models.base import utcnow
from capstone.services import outbox

MAX_RETRIES = 5
BACKOFF_SECONDS = 30  # then 60, 120, ... at most BACKOFF_MAX_SECONDS
BACKOFF_MAX_SECONDS = 30 * 60


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
        .values(claimed_at=utcnow(), attempts=OutboundEmail.attempts + 1, next_attempt_at=None)
    )
    db.session.commit()
    return db.session.get(OutboundEmail, email_id) if claimed.rowcount == 1 else None


def backoff(retries):
    """Seconds to wait before retry number `retries + 1`: doubling, bounded."""
    return min(BACKOFF_SECONDS * 2**retries, BACKOFF_MAX_SECONDS)


@shared_task(name="capstone.send_email", bind=True, max_retries=MAX_RETRIES)
def send_email(job, email_id):
    """Deliver outbox email `email_id`; return what happened: sent, skipped or failed."""
    email = claim(email_id)
    if email is None:
        return "skipped"
    message = mail_transport.build_message(current_app.config, email.to, email.subject, email.body)
    try:
        mail_transport.deliver(current_app.config, message)
    except (smtplib.SMTPException, OSError) as error:
        email.last_error = f"{type(error).__name__}: {error}"[:500]
        # Counted per email, not per job: the sweep and "ask again" start jobs of their own.
        if mail_transport.is_permanent(error) or email.attempts > MAX_RETRIES:
            db.session.commit()  # stays claimed: nobody will try again
            current_app.logger.warning(
                "Email %s not sent after %s attempts: %s",
                email.id,
                email.attempts,
                email.last_error,
            )
            return "failed"
        countdown = backoff(email.attempts - 1)
        email.claimed_at = None  # free for the retry, or for the sweep if the retry is lost
        email.next_attempt_at = utcnow() + timedelta(seconds=countdown) + outbox.grace()
        db.session.commit()
        raise job.retry(exc=TemporaryFailure(email.last_error), countdown=countdown) from error
    email.sent_at = utcnow()
    db.session.commit()
    return "sent"


@shared_task(name="capstone.sweep_outbox", bind=True)
def sweep_outbox(job):
    """Queue again the emails whose jobs were lost; return how many."""
    due = outbox.due_emails()
    for email_id in due:
        job.app.tasks["capstone.send_email"].delay(email_id)  # this app's broker
    return len(due)
