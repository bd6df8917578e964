"""The outbox and the job that delivers it: at most once, retried when the server says later.

Jobs run eagerly here (no broker), as in development: queued at the commit, run at once.
"""

import logging
from datetime import timedelta

from capstone_support.jobs import run_job
from kombu.exceptions import OperationalError
from sqlalchemy import select

from capstone import jobs
from capstone.database import db
from capstone.jobs import delivery
from capstone.models import OutboundEmail
from capstone.models.base import utcnow
from capstone.services.outbox import due_emails
from capstone.services.outbox import queue_email


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


def send_again(app, email_id):
    """Run the delivery job again, as a broker delivering it twice would."""
    return run_job(app, "capstone.send_email", email_id)


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
    claim = delivery.claim
    monkeypatch.setattr(
        delivery, "claim", lambda email_id: runs.append(email_id) or claim(email_id)
    )
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
    assert send_again(app, email_id) == "skipped"
    assert len(mailbox.messages) == 1


def test_a_temporary_failure_is_retried_and_sends_exactly_one_email(app, mailbox):
    mailbox.refusals = ["451 4.3.0 Try again later", "421 4.3.2 Busy"]
    queue(app)
    assert len(mailbox.messages) == 1
    [row] = outbox(app)
    assert row.attempts == 3
    assert row.sent_at is not None


def test_retries_are_bounded_and_the_failure_is_logged(app, mailbox, caplog):
    mailbox.refusals = ["451 4.3.0 Try again later"] * (delivery.MAX_RETRIES + 1)
    queue(app)
    assert "Email 1 not sent after 6 attempts: SMTPDataError: (451" in caplog.text
    [row] = outbox(app)
    assert row.attempts == delivery.MAX_RETRIES + 1
    assert row.sent_at is None
    assert "451" in row.last_error
    # Given up: still claimed, and not due for the sweep, so never tried again.
    assert row.claimed_at is not None and row.next_attempt_at is None
    assert send_again(app, row.id) == "skipped"


def test_the_back_off_doubles_up_to_its_bound():
    assert [delivery.backoff(n) for n in range(4)] == [30, 60, 120, 240]
    assert delivery.backoff(20) == delivery.BACKOFF_MAX_SECONDS


def test_a_permanent_failure_is_recorded_and_never_retried(app, mailbox):
    mailbox.refusals = ["550 5.1.1 No such mailbox"]
    queue(app)
    [row] = outbox(app)
    assert row.attempts == 1 and row.sent_at is None
    assert "550" in row.last_error
    assert send_again(app, row.id) == "skipped"  # still claimed: nobody sends it again
    assert mailbox.messages == []


def test_an_unreachable_server_is_a_temporary_failure(app, mailbox):
    app.config["MAIL_PORT"] = 1  # nothing listens there
    queue(app)
    [row] = outbox(app)
    assert row.attempts == delivery.MAX_RETRIES + 1
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
    assert set(conf.beat_schedule) == {"daily-digest", "weekly-archive", "outbox-sweep"}


def lose_the_next_job(monkeypatch):
    """Make the next queueing fail, as it does while the broker is down; the rest go through."""
    real = jobs.queue
    lost = []

    def queue(name, args):
        if not lost:
            lost.append(args)
            raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        real(name, args)

    monkeypatch.setattr(jobs, "queue", queue)
    return lost


def sweep(app):
    """Run the outbox sweep, as beat does every minute; return how many it queued."""
    return run_job(app, "capstone.sweep_outbox")


def test_an_email_whose_job_was_lost_is_sent_by_the_sweep(app, mailbox, monkeypatch, caplog):
    lost = lose_the_next_job(monkeypatch)
    queue(app)
    assert lost and mailbox.messages == []
    assert "capstone.send_email" in caplog.text  # the failed queueing is logged
    assert sweep(app) == 0  # its job may still be on its way: wait for the grace period
    a_minute_later = utcnow() + timedelta(seconds=app.config["OUTBOX_GRACE_SECONDS"] + 1)
    monkeypatch.setattr("capstone.services.outbox.utcnow", lambda: a_minute_later)
    assert sweep(app) == 1
    assert [m["Subject"] for m in mailbox.messages] == ["Hello"]
    assert sweep(app) == 0
    assert len(mailbox.messages) == 1


def test_asking_again_for_a_waiting_email_queues_it_again(app, mailbox, monkeypatch):
    lose_the_next_job(monkeypatch)
    first = queue(app, key="reset:1:5")
    assert mailbox.messages == []
    assert queue(app, key="reset:1:5") == first  # the same email, queued once more
    assert len(mailbox.messages) == 1
    assert queue(app, key="reset:1:5") is None  # sent: asking again adds nothing
    assert len(mailbox.messages) == 1


def test_the_sweep_leaves_sent_claimed_and_backing_off_emails_alone(app, mailbox):
    app.config["OUTBOX_GRACE_SECONDS"] = 0
    sent = queue(app, key="sent")
    mailbox.refusals = ["451 4.3.0 Try again later"]
    with app.app_context():
        # A worker died holding this claim: it may have sent it, so it is never resent.
        claimed = OutboundEmail(key="claimed", to="a@example.org", subject="s", body="b")
        claimed.claimed_at = claimed.next_attempt_at = utcnow() - timedelta(hours=1)
        later = OutboundEmail(key="later", to="a@example.org", subject="s", body="b")
        later.next_attempt_at = utcnow() + timedelta(minutes=5)  # backing off
        db.session.add_all([claimed, later])
        db.session.commit()
        assert due_emails() == []
    assert [m["Subject"] for m in mailbox.messages] == ["Hello"]
    assert send_again(app, sent) == "skipped"
