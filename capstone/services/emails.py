"""Emails: written to the outbox in the caller's transaction, sent by a job after the commit.

    queue_email(f"digest:{user.id}:{day}", user.email, "Your tasks", "email/digest.txt", ...)

The key names the email: queueing the same key twice (a retried request, a job run
twice) adds nothing. Links in emails start with PUBLIC_URL, never with the Host header
of a request, which an attacker could set to their own site.
"""

from urllib.parse import urlsplit

from flask import current_app
from flask import render_template
from sqlalchemy import select

from capstone import jobs
from capstone.database import db
from capstone.models import OutboundEmail


def external_url(endpoint, **values):
    """The absolute URL of `endpoint` under PUBLIC_URL; works in jobs, which have no request."""
    base = urlsplit(current_app.config["PUBLIC_URL"])
    adapter = current_app.url_map.bind(
        base.netloc, script_name=base.path or "/", url_scheme=base.scheme
    )
    return adapter.build(endpoint, values, force_external=True)


def queue_email(key, to, subject, template, **context):
    """Add an email to the outbox, sent once the transaction commits; None if `key` was used."""
    if db.session.scalar(select(OutboundEmail.id).where(OutboundEmail.key == key)) is not None:
        return None
    email = OutboundEmail(
        key=key, to=to, subject=subject, body=render_template(template, **context)
    )
    db.session.add(email)
    db.session.flush()  # the id, for the job
    jobs.after_commit("capstone.send_email", email.id)
    return email
