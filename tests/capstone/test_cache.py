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
from capstone.cache import GENERATION
from capstone.cache import cache
from capstone.cache import cache_settings
from capstone.config import DevelopmentConfig
from capstone.config import ProductionConfig
from capstone.config import TestingConfig
from capstone.database import db
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services.admin import create_admin
from capstone.services.archive import archive_done_tasks

CSRF = re.compile(r'name="csrf_token" value="[^"]*"')  # each session has its own
DEAD_REDIS = "redis://127.0.0.1:9/0"  # nothing listens on port 9 (discard)


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


def create_an_admin(client, auth, team, app):
    """The create-admin command's service: a new administrator."""
    with app.app_context():
        create_admin("erin", "erin@example.org", "p" * 12)


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
    "create an admin at the console": create_an_admin,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_no_stale_read_after_a_write(client, auth, team, app, views, write):
    before = views("cached")
    assert before == views("truth")
    write(client, auth, team, app)
    after = views("truth")
    assert after != before  # the write changes something the cache keeps
    assert views("cached") == after


def test_no_stale_read_after_the_generation_is_evicted(client, auth, team, app, views):
    # An in-process cache past its size, or any key past its timeout, drops keys: the
    # generation among them. A write after that must still end what was kept before.
    WRITES["create a task"](client, auth, team, app)
    views("cached")
    with app.app_context():
        cache.delete(GENERATION)
    WRITES["move a task"](client, auth, team, app)
    assert views("cached") == views("truth")


def test_the_pages_are_served_while_the_cache_is_unreachable(app_config, make_app, login, team):
    app = make_app({**app_config, "CACHE_TYPE": "SimpleCache", "REDIS_URL": DEAD_REDIS})
    client = app.test_client()
    login(client, "bob")
    page = client.get("/dashboard")
    assert page.status_code == 200
    assert "Task 1" in page.text  # bob's task: computed, as if nothing were cached


@pytest.mark.parametrize(
    ("config", "redis_url", "kind"),
    [
        (ProductionConfig, None, "NullCache"),
        (ProductionConfig, DEAD_REDIS, "RedisCache"),
        (DevelopmentConfig, None, "SimpleCache"),
        (DevelopmentConfig, DEAD_REDIS, "RedisCache"),
        (TestingConfig, DEAD_REDIS, "NullCache"),
    ],
)
def test_several_processes_share_a_cache_or_keep_none(config, redis_url, kind):
    # Each gunicorn worker would keep its own in-process cache, which a write in another
    # would not reach: production caches in Redis, or not at all.
    settings = cache_settings({"CACHE_TYPE": config.CACHE_TYPE, "REDIS_URL": redis_url})
    assert settings["CACHE_TYPE"] == kind
