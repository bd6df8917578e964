"""Redis stops while emails are being queued: when it is back, every outbox email arrives.

A Redis of the test's own (redis-server on a free port), a real Celery worker, a real
SMTP server. Emails queued while the broker is down are written to the outbox with
their cause but their jobs are lost; the sweep (beat runs it every minute) finds them,
and asking again for an email that never left (a password reset) sends it. Each email
arrives exactly once. Runs where redis-server is installed (CI installs it).
"""

import os
import shutil
import subprocess
import time
from types import SimpleNamespace

import pytest
import redis
from capstone_support.worker import celery_worker
from capstone_support.worker import wait_for
from harness.servers import free_port
from sqlalchemy import select

from capstone.database import db
from capstone.models import OutboundEmail
from capstone.services import account_links

REDIS_SERVER = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    not REDIS_SERVER and os.environ.get("CI") != "true",
    reason="needs redis-server (apt install redis-server), to stop and start it",
)
GRACE_SECONDS = 1  # how long a queued email's job has before the sweep may queue it again


class Broker:
    """A redis-server of the test's own, which the test can stop and start again."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        """Start it, and wait until it answers."""
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_connect_timeout=1)
        assert wait_for(lambda: self.answers(client), timeout=10), "redis-server did not start"

    @staticmethod
    def answers(client):
        """Whether the server answers a PING."""
        try:
            return client.ping()
        except redis.ConnectionError:
            return False

    def stop(self):
        """Stop it, as a crash or a restart would."""
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def broker():
    """The test's Redis, running; stopped at the end."""
    if not REDIS_SERVER:
        pytest.fail("redis-server is not installed on CI: .ci/run should have installed it")
    server = Broker()
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def app_config(app_config, broker):
    """The test's settings, with the test's Redis as the broker."""
    url = f"redis://127.0.0.1:{broker.port}/0"
    return {**app_config, "REDIS_URL": url, "OUTBOX_GRACE_SECONDS": GRACE_SECONDS}


@pytest.fixture
def worker(app_config, smtp_server):
    """A Celery worker on the test's database, Redis and SMTP server."""
    settings = {
        "DATABASE_URL": app_config["DATABASE_URL"],
        "REDIS_URL": app_config["REDIS_URL"],
        "OUTBOX_GRACE_SECONDS": str(GRACE_SECONDS),
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": str(smtp_server.port),
        "UPLOAD_FOLDER": app_config["UPLOAD_FOLDER"],
    }
    with celery_worker(settings) as process:
        yield process


def outbox(app):
    """(key, sent) of every outbox row."""
    with app.app_context():
        rows = db.session.execute(select(OutboundEmail.key, OutboundEmail.sent_at))
        return [(key, sent is not None) for key, sent in rows]


def test_every_email_queued_while_redis_was_down_arrives_once_it_is_back(
    app, client, auth, team, mailbox, broker, worker, monkeypatch
):
    # One 5-minute window for carol's two reset requests, whenever the test runs.
    monkeypatch.setattr(account_links, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    bob = auth("bob")
    url = f"/api/v1/projects/{team['project']}/tasks"

    def assign(title):
        data = {"title": title, "assignee_id": team["alice"]}
        return client.post(url, json=data, headers=bob).status_code

    assert [assign(f"before {n}") for n in range(3)] == [201] * 3
    assert wait_for(lambda: len(mailbox.messages) == 3), "the worker did not send the first three"

    broker.stop()
    assert [assign(f"during {n}") for n in range(3)] == [201] * 3  # acknowledged: must arrive
    reset = {"username": "carol"}
    assert client.post("/api/v1/password-reset", json=reset).status_code == 202
    assert len(outbox(app)) == 7 and len(mailbox.messages) == 3

    broker.start()
    # Carol asks again, as anyone whose email did not come would: it is sent now.
    assert client.post("/api/v1/password-reset", json=reset).status_code == 202
    assert wait_for(lambda: mailbox.to("carol@example.org")), "asking again sent nothing"
    time.sleep(GRACE_SECONDS)
    app.extensions["celery"].tasks["capstone.sweep_outbox"].delay()  # what beat does each minute
    assert wait_for(lambda: all(sent for _, sent in outbox(app))), outbox(app)
    time.sleep(1)  # room for a duplicate to arrive, if there were one
    assert len(mailbox.messages) == len(outbox(app)) == 7
    subjects = sorted(message["Subject"] for message in mailbox.to("alice@example.org"))
    assert subjects == sorted(
        f"bob assigned you a task: {w} {n}" for w in ("before", "during") for n in range(3)
    )
