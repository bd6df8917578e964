"""Exercise 2 of tests/exercises/capstone/README.md: a daily "due tomorrow" reminder job."""

import importlib
from datetime import timedelta

import pytest
from sqlalchemy import text

hint = pytest.mark.hint
JOB = "capstone.send_due_soon_reminders"


@pytest.fixture
def celery(app):
    """The copy's Celery app (Flask's Celery pattern: app.extensions["celery"])."""
    return app.extensions["celery"]


@pytest.fixture
def outbox(app):
    """A function: the outbox's emails as (to, subject, body), in the order they were queued."""
    db = importlib.import_module("capstone.database").db

    def emails():
        with app.app_context():
            rows = db.session.execute(text("SELECT `to`, subject, body FROM outbound_email"))
            return [tuple(row) for row in rows.all()]

    return emails


@pytest.fixture
def due_dates(api, demo):
    """Four demo tasks due tomorrow or the day after, one of them done; the titles' ids."""
    today = importlib.import_module("capstone.models.task").today()
    alice, tasks = api("alice"), demo["tasks"]
    changes = {
        "Fix the broken contact form": {"due_date": str(today + timedelta(days=1))},  # bob's
        "Write the new home page copy": {"due_date": str(today + timedelta(days=2))},  # bob's
        "Label every box": {"due_date": str(today + timedelta(days=1)), "status": "done"},
        "Accessibility audit": {"due_date": str(today + timedelta(days=1))},  # nobody's
    }
    for title, change in changes.items():
        assert alice.patch(f"/tasks/{tasks[title]['id']}", json=change).status_code == 200
    return {title: tasks[title]["id"] for title in changes}


@hint("a SCHEDULE entry in jobs/__init__.py whose task is the job, a @shared_task in jobs/")
def test_2_the_reminder_job_is_on_the_schedule(celery):
    assert JOB in celery.tasks, f"no job named {JOB}"
    entries = [entry for entry in celery.conf.beat_schedule.values() if entry["task"] == JOB]
    assert len(entries) == 1, celery.conf.beat_schedule


@hint("the open tasks due tomorrow with an assignee: one email each, to the assignee")
def test_2_the_assignee_of_an_open_task_due_tomorrow_gets_an_email(celery, outbox, due_dates):
    before = outbox()
    assert celery.tasks[JOB].apply().get() == 1
    [email] = [row for row in outbox() if row not in before]
    to, subject, body = email
    assert to == "bob@example.org"
    assert "Fix the broken contact form" in subject, subject
    assert f"/tasks/{due_dates['Fix the broken contact form']}" in body, "no link to the task"


@hint("queue_email's key (task and due date) makes a second run the same day send nothing")
def test_2_a_second_run_sends_no_second_email(celery, outbox, due_dates):
    celery.tasks[JOB].apply().get()
    sent = outbox()
    assert celery.tasks[JOB].apply().get() == 0
    assert outbox() == sent
