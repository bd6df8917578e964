"""A real Celery worker and a real Redis: an assignment made through the API is one email.

Runs when REDIS_URL is set (CI sets it; `make test` on a laptop skips it). The worker
is the command the README gives, in a process of its own, on the test's database and
SMTP server; the web side is the test's app, which now queues jobs on Redis instead of
running them in-process.
"""

import os
import time

import pytest
from capstone_support.worker import celery_worker
from capstone_support.worker import wait_for
from sqlalchemy import select

from capstone.database import db
from capstone.models import OutboundEmail

REDIS_URL = os.environ.get("REDIS_URL")

pytestmark = pytest.mark.skipif(
    not REDIS_URL and os.environ.get("CI") != "true",
    reason="set REDIS_URL to run the tests against a real Redis and Celery worker",
)


@pytest.fixture
def app_config(app_config):
    """The test's settings, with a broker: jobs go to Redis, not in-process."""
    if not REDIS_URL:
        pytest.fail("REDIS_URL is not set on CI: .ci/run should have started Redis")
    return {**app_config, "REDIS_URL": REDIS_URL}


@pytest.fixture
def worker(app_config, smtp_server):
    """`celery -A capstone.worker worker` on the test's database and SMTP server."""
    settings = {
        "DATABASE_URL": app_config["DATABASE_URL"],
        "REDIS_URL": REDIS_URL,
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": str(smtp_server.port),
        "UPLOAD_FOLDER": app_config["UPLOAD_FOLDER"],
    }
    with celery_worker(settings) as process:
        yield process


def test_an_assignment_through_the_api_is_one_email_sent_by_the_worker(
    app, client, auth, team, mailbox, worker
):
    assert not app.extensions["celery"].conf.task_always_eager
    response = client.patch(
        f"/api/v1/tasks/{team['task']}", json={"assignee_id": team["alice"]}, headers=auth("bob")
    )
    assert response.status_code == 200
    assert mailbox.messages == []  # not sent in the request: queued for the worker
    assert wait_for(lambda: mailbox.to("alice@example.org")), "the worker sent nothing"
    time.sleep(1)  # room for a duplicate to arrive, if there were one
    [message] = mailbox.messages
    assert message["Subject"] == "bob assigned you a task: Task 1"
    with app.app_context():
        [row] = db.session.scalars(select(OutboundEmail)).all()
        assert row.sent_at is not None and row.attempts == 1
