"""The outbox and the job that delivers it: at most once, retried when the server says later.

Jobs run eagerly here (no broker), as in development: queued at the commit, run at once.
"""

import logging

from sqlalchemy import select

from capstone.database import db
from capstone.jobs import mailing
from capstone.models import OutboundEmail
from capstone.services.emails import queue_email


def queue(app, key="k1", to="bob@example.org", commit=True):
    """Queue one test email through the service; return its id."""
    with app.test_request_context():
        email = queue_email(key, to, "Hello", "email/verify.txt", user=None, link="https://x")
        email_id = email.id if email else None
        if commit:
            db.session.commit()
        else:
            db.session.rollback()
        return email_id


def outbox(app):
    """Every outbox row, oldest first."""
    with app.app_context():
        return db.session.scalars(select(OutboundEmail).order_by(OutboundEmail.id)).all()


def run_job(app, email_id):
    """Run the delivery job again, as a broker delivering it twice would."""
    with app.app_context():
        return app.extensions["celery"].tasks["capstone.send_email"].apply(args=[email_id]).get()


def test_an_email_is_sent_once_its_transaction_commits(app, mailbox):
    email_id = queue(app)
    assert [m["Subject"] for m in mailbox.messages] == ["Hello"]
    [row] = outbox(app)
    assert (row.id, row.attempts) == (email_id, 1)
    assert row.sent_at is not None


def test_a_rolled_back_transaction_sends_nothing(app, mailbox):
    queue(app, commit=False)
    assert mailbox.messages == []
    assert outbox(app) == []


def test_a_rollback_forgets_the_job_even_if_the_session_commits_later(app, mailbox, monkeypatch):
    runs = []
    claim = mailing.claim
    monkeypatch.setattr(mailing, "claim", lambda email_id: runs.append(email_id) or claim(email_id))
    with app.test_request_context():
        queue_email("gone", "bob@example.org", "Gone", "email/verify.txt", user=None, link="x")
        db.session.rollback()
        # The same session commits another email afterwards: only that one is sent.
        queue_email("kept", "bob@example.org", "Kept", "email/verify.txt", user=None, link="x")
        db.session.commit()
    assert [m["Subject"] for m in mailbox.messages] == ["Kept"]
    assert len(runs) == 1  # no job left over for the rolled-back row


def test_the_same_key_twice_is_one_email(app, mailbox):
    queue(app, key="same")
    assert queue(app, key="same") is None
    assert len(mailbox.messages) == 1


def test_a_job_delivered_twice_sends_one_email(app, mailbox):
    email_id = queue(app)
    assert run_job(app, email_id) == "skipped"
    assert len(mailbox.messages) == 1


def test_a_temporary_failure_is_retried_and_sends_exactly_one_email(app, mailbox):
    mailbox.refusals = ["451 4.3.0 Try again later", "421 4.3.2 Busy"]
    queue(app)
    assert len(mailbox.messages) == 1
    [row] = outbox(app)
    assert row.attempts == 3
    assert row.sent_at is not None


def test_retries_are_bounded_and_the_failure_is_logged(app, mailbox, caplog):
    mailbox.refusals = ["451 4.3.0 Try again later"] * (mailing.MAX_RETRIES + 1)
    queue(app)
    assert "The job capstone.send_email(1,) failed: TemporaryFailure" in caplog.text
    [row] = outbox(app)
    assert row.attempts == mailing.MAX_RETRIES + 1
    assert (row.sent_at, row.claimed_at) == (None, None)
    assert "451" in row.last_error


def test_a_permanent_failure_is_recorded_and_never_retried(app, mailbox):
    mailbox.refusals = ["550 5.1.1 No such mailbox"]
    queue(app)
    [row] = outbox(app)
    assert row.attempts == 1 and row.sent_at is None
    assert "550" in row.last_error
    assert run_job(app, row.id) == "skipped"  # still claimed: nobody sends it again
    assert mailbox.messages == []


def test_an_unreachable_server_is_a_temporary_failure(app, mailbox):
    app.config["MAIL_PORT"] = 1  # nothing listens there
    queue(app)
    [row] = outbox(app)
    assert row.attempts == mailing.MAX_RETRIES + 1
    assert row.last_error.startswith("ConnectionRefusedError")


def test_without_a_mail_server_emails_go_to_the_log(app, caplog):
    with caplog.at_level(logging.INFO, logger="capstone"):
        queue(app)
    assert "Email not sent (MAIL_SERVER is not set)" in caplog.text
    assert "https://x" in caplog.text
    assert outbox(app)[0].sent_at is not None


def test_jobs_are_eager_without_a_broker_and_queued_with_one(app, app_config, make_app):
    assert app.extensions["celery"].conf.task_always_eager
    queued = make_app({**app_config, "REDIS_URL": "redis://127.0.0.1:6399/0"})
    conf = queued.extensions["celery"].conf
    assert not conf.task_always_eager
    assert conf.broker_url == "redis://127.0.0.1:6399/0"
    assert set(conf.beat_schedule) == {"daily-digest", "weekly-archive"}
