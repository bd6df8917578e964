"""The dashboard and statistics cache: a hit after a read, and no stale read after any write.

Each write path is made through the API, as a client would; then the dashboards and the
statistics of the cached app must be exactly those of an app that caches nothing, on
the same database.
"""

import re
from datetime import timedelta

import pytest
from sqlalchemy import update

from capstone.api.auth import issue_token
from capstone.cache import cache
from capstone.database import db
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services.archive import archive_done_tasks

CSRF = re.compile(r'name="csrf_token" value="[^"]*"')  # each session has its own


@pytest.fixture
def app_config(app_config):
    """The app of these tests caches, in-process."""
    return {**app_config, "CACHE_TYPE": "SimpleCache"}


@pytest.fixture
def auth(app):
    """Authorization headers for a user id."""

    def headers(user_id):
        with app.app_context():
            return {"Authorization": "Bearer " + issue_token(db.session.get(User, user_id))}

    return headers


@pytest.fixture
def uncached(app, app_config, make_app):
    """An app on the same database that caches nothing: the truth to compare with."""
    with app.app_context():
        cache.clear()  # the app is reused between tests; its cache must not be
    return make_app({**app_config, "CACHE_TYPE": "NullCache"})


@pytest.fixture
def views(app, uncached, login, team, auth):
    """A function reading every cached view, from the cached and the uncached app."""
    clients = {}
    for name, which in (("cached", app), ("truth", uncached)):
        for user in ("alice", "carol", "root"):
            clients[name, user] = which.test_client()
            login(clients[name, user], user)
    root = auth(team["root"])

    def read(name):
        pages = [
            CSRF.sub("", clients[name, user].get("/dashboard").text) for user in ("alice", "carol")
        ]
        statistics = clients[name, "root"].get("/api/v1/admin/statistics", headers=root)
        return (*pages, statistics.get_json())

    return read


def test_a_second_read_is_a_hit(client, login, auth, team, count_queries):
    login(client, "root")
    root = auth(team["root"])
    client.get("/api/v1/admin/statistics", headers=root)
    client.get("/dashboard")
    with count_queries() as statements:
        assert client.get("/api/v1/admin/statistics", headers=root).status_code == 200
        assert client.get("/dashboard").status_code == 200
    shown = ("FROM task", "FROM project", "FROM task_count")  # what the two views show
    assert statements and not [s for s in statements if any(table in s for table in shown)]


def archive_the_task(client, auth, team, app):
    """The weekly job, on the team's task, done a year ago."""
    with app.app_context():
        db.session.execute(update(Task).values(status="done", completed_at=utcnow()))
        db.session.commit()
        assert archive_done_tasks(now=utcnow() + timedelta(days=400)) == 1


def call(method, path, body=None, who="alice"):
    """A write through the API, by `who`; "{name}" in the path or the body is team[name]."""

    def write(client, auth, team, app):
        values = {
            k: team[v[1:-1]] if str(v).startswith("{") else v for k, v in (body or {}).items()
        }
        response = client.open(
            path.format(**team), method=method, json=values, headers=auth(team[who])
        )
        assert response.status_code < 300, response.get_json()

    return write


WRITES = {
    "create a task": call("POST", "/api/v1/projects/{project}/tasks", {"title": "New"}),
    "move a task": call("PATCH", "/api/v1/tasks/{task}", {"status": "review"}),
    "complete a task": call("POST", "/api/v1/tasks/{task}/complete"),
    "delete a task": call("DELETE", "/api/v1/tasks/{task}"),
    "archive job": archive_the_task,
    "create a project": call("POST", "/api/v1/projects", {"name": "Gemini"}),
    "rename the project": call("PATCH", "/api/v1/projects/{project}", {"name": "Artemis"}),
    "delete the project": call("DELETE", "/api/v1/projects/{project}"),
    "add a member": call("POST", "/api/v1/projects/{project}/members", {"user_id": "{carol}"}),
    "register": call(
        "POST",
        "/api/v1/users",
        {"username": "dora", "email": "d@example.org", "password": "p" * 12},
    ),
    "deactivate": call("PATCH", "/api/v1/admin/users/{bob}", {"active": False}, who="root"),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_no_stale_read_after_a_write(client, auth, team, app, views, write):
    before = views("cached")
    assert before == views("truth")
    write(client, auth, team, app)
    after = views("truth")
    assert after != before  # the write changes something the cache keeps
    assert views("cached") == after
