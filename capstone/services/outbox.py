"""Emails: written to the outbox in the caller's transaction, sent by a job after the commit.

    queue_email(f"digest:{user.id}:{day}", user.email, "Your tasks", "email/digest.txt", ...)

The key names the email: queueing the same key twice (a retried request, a job run
twice) adds nothing, but if that email is still waiting (its job was lost, say, while
the broker was down), asking again queues it again. Links in emails start with
PUBLIC_URL, never with the Host header of a request, which an attacker could set to
their own site.
"""

from datetime import timedelta
from urllib.parse import urlsplit

from flask import current_app
from flask import render_template
from sqlalchemy import select
from sqlalchemy import update

from capstone import events
from capstone.database import db
from capstone.models import OutboundEmail
from capstone.models.base import utcnow

SWEEP_AGAIN = 10


def external_url(endpoint, **values):
    """The absolute URL of `endpoint` under PUBLIC_URL; works in jobs, which have no request."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build(endpoint, values, force_external=True)


def grace():
    """How long a queued email's job may take before the sweep may queue it again."""
    return timedelta(seconds=current_app.config["OUTBOX_GRACE_SECONDS"])


def queue_email(key, to, subject, template, **context):
    """Add an email to the outbox, sent once the transaction commits.

    Returns the email; or, if `key` was used already, None when that email is sent or
    being sent, and the email itself when it is still waiting, queued once more.
    """
    body = render_template(template, **context)
    values = {"key": key, "to": to, "subject": subject, "body": body}
    email_id = db.insert_unless_taken(OutboundEmail, **values, next_attempt_at=utcnow() + grace())
    if email_id is None:
        waiting = OutboundEmail.sent_at.is_(None) & OutboundEmail.claimed_at.is_(None)
        email_id = db.session.scalar(
            select(OutboundEmail.id).where(OutboundEmail.key == key, waiting)
        )
        if email_id is None:
            return None
    events.publish(events.EMAIL_QUEUED, email_id=email_id)
    return db.session.get(OutboundEmail, email_id)


def due_emails(limit=500):
    """The ids of emails waiting past their next attempt: their jobs were lost, queue them."""
    now = utcnow()
    due = db.session.scalars(
        select(OutboundEmail.id)
        .where(
            OutboundEmail.sent_at.is_(None),
            OutboundEmail.claimed_at.is_(None),
            OutboundEmail.next_attempt_at <= now,
        )
        .order_by(OutboundEmail.next_attempt_at)
        .limit(limit)
    ).all()
    # Not again while these jobs are on their way; and if the broker or the workers are
    # away for long, one job per email every SWEEP_AGAIN sweeps, not one each minute.
    db.session.execute(
        update(OutboundEmail)
        .where(
            OutboundEmail.id.in_(due),
            OutboundEmail.sent_at.is_(None),
            OutboundEmail.claimed_at.is_(None),
        )
        .values(next_attempt_at=now + SWEEP_AGAIN * grace())
    )
    db.session.commit()
    return due
