"""The data the API battery runs on, and the compare/ servers started on that database.

One capstone database (SQLite, or PostgreSQL with TEST_DATABASE_URL), filled through
the capstone's own models; the Django and FastAPI versions are started as their
README starts them, with the capstone's DATABASE_URL and SECRET_KEY.
"""

import json
import sys
from contextlib import ExitStack
from contextlib import contextmanager
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import jwt
import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import COMPARE
from sqlalchemy import update

from capstone.api.auth import issue_token
from capstone.database import db
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow

# Each version's app.py, in compare/ or in a learner's copy of it.
VERSIONS = {"django": "with_django/app.py", "fastapi": "with_fastapi/app.py"}


@pytest.fixture
def world(app, build, team):
    """The team's project with tasks of every status and priority, an archive, outsiders' data."""
    ids = dict(team)
    ids["dave"] = build.user("dave", active=False)
    ids["eve"] = build.user("eve")
    ids["other"] = build.project(ids["carol"], name="Carol's")
    ids["carol_task"] = build.task(ids["other"], ids["carol"])
    today = utcnow().date()
    spread = [
        ("Write 100% of the docs", "todo", "urgent", today - timedelta(days=3), ids["bob"]),
        ("Fix the_underscore bug", "in_progress", "low", today + timedelta(days=9), None),
        ("Review the plan", "review", "high", None, ids["alice"]),
        ("Ship it", "done", "medium", today - timedelta(days=1), ids["bob"]),
        ("Ask the team", "todo", "low", today + timedelta(days=1), None),
    ]
    for title, status, priority, due, assignee in spread:
        build.task(
            ids["project"],
            ids["alice"],
            title=title,
            status=status,
            priority=priority,
            due_date=due,
            assignee_id=assignee,
        )
    ids["archived"] = build.task(ids["project"], ids["bob"], title="Old", status="done")
    with app.app_context():
        task = db.session.get(Task, ids["archived"])
        task.archived_at = task.completed_at = utcnow() - timedelta(days=40)
        db.session.commit()
    return ids


@pytest.fixture
def tokens(app, world):
    """Good and bad Authorization headers, by name."""
    with app.app_context():
        good = {
            name: issue_token(db.session.get(User, world[name]))
            for name in ("alice", "bob", "carol", "root", "dave", "eve")
        }
        # Eve logs out: her session token changes, and her earlier token is revoked.
        db.session.execute(update(User).where(User.id == world["eve"]).values(session_token="x"))
        db.session.commit()
    key = app.config["SECRET_KEY"]
    now = datetime.now(UTC)
    expired = {"sub": str(world["bob"]), "iat": now - timedelta(hours=2), "exp": now}
    headers = {name: {"Authorization": f"Bearer {token}"} for name, token in good.items()}
    headers["expired"] = {"Authorization": "Bearer " + jwt_encode(expired, key)}
    headers["wrong_key"] = {"Authorization": "Bearer " + jwt_encode(expired, "k" * 40)}
    headers["garbage"] = {"Authorization": "Bearer not.a.token"}
    headers["basic"] = {"Authorization": "Basic YWxpY2U6cHc="}
    headers["empty"] = {"Authorization": "Bearer "}
    headers["none"] = {}
    return headers


def jwt_encode(claims, key):
    """A token signed with `key`: the capstone's algorithm, other claims or another key."""
    return jwt.encode(claims, key, algorithm="HS256")


def command(path):
    """Run a version's app.py as its README does, with warnings as errors."""
    return [sys.executable, "-W", "error", str(path)]


@pytest.fixture
def serve(app, world):
    """A function of a compare/ folder: a context of each version's URL, on this database."""
    settings = {"DATABASE_URL": app.config["DATABASE_URL"], "SECRET_KEY": app.config["SECRET_KEY"]}

    @contextmanager
    def serving(folder):
        with ExitStack() as stack:
            # -W error: a warning in a served version fails its requests, as in-process.
            yield {
                name: stack.enter_context(
                    running_server(command(folder / path), env=settings, timeout=60)
                ).url
                for name, path in VERSIONS.items()
            }

    return serving


@pytest.fixture
def servers(serve):
    """{'django': url, 'fastapi': url}: compare/ as it is, serving the test's database."""
    with serve(COMPARE) as urls:
        yield urls


@pytest.fixture
def differences(client, tokens):
    """A function of (cases, urls): each case whose answer from a url is not the capstone's."""

    def differing(cases, urls):
        found = []
        for who, path in cases:
            reference = client.get(path, headers=tokens[who])
            expected = answer(reference.status_code, reference.get_data())
            for name, url in urls.items():
                status, _, body = fetch(url, "GET", path, headers=tokens[who])
                if answer(status, body) != expected:
                    found.append(
                        f"{name} {who} {path}: {status} {body[:300]!r}\n  capstone: {expected}"
                    )
        return found

    return differing


def answer(status, body):
    """What a comparison looks at: the status and the parsed JSON (None if it is not JSON)."""
    try:
        return status, json.loads(body)
    except ValueError:
        return status, None
