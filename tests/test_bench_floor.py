"""The floor answers like the capstone: same statuses, same bytes, same headers, for a battery."""

from datetime import timedelta

import jwt
import pytest
from sqlalchemy import update
from werkzeug.test import Client

from bench import capstone_data
from bench.floor import make_app
from capstone import create_app
from capstone.api.auth import issue_token
from capstone.database import db
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow

HEADERS = ("Content-Type", "Cache-Control", "WWW-Authenticate", "X-Frame-Options")


@pytest.fixture(scope="module")
def apps(tmp_path_factory):
    """The capstone and the floor on one database, and tokens of several kinds of caller."""
    database = tmp_path_factory.mktemp("floor") / "floor.sqlite"
    project_id = capstone_data.build(database, 120)
    app = create_app(capstone_data.settings(database))
    with app.app_context():
        outsider = User(username="outsider", email="outsider@example.org", password_hash="x")
        admin = User(username="root", email="root@example.org", password_hash="x", role="admin")
        gone = User(username="gone", email="gone@example.org", password_hash="x")
        db.session.add_all([outsider, admin, gone])
        db.session.commit()
        db.session.execute(update(Task).where(Task.id % 7 == 0).values(archived_at=utcnow()))
        db.session.execute(update(Task).where(Task.id == 3).values(title="Odd 50%_/ title"))
        db.session.commit()
        member = db.session.get(User, 1)
        tokens = {
            name: issue_token(user)
            for name, user in {"member": member, "outsider": outsider, "admin": admin}.items()
        }
        tokens["revoked"] = issue_token(gone)
        gone.active = False
        db.session.commit()
        claims = {"sub": "1", "sid": member.session_token, "iat": utcnow()}
        claims["exp"] = utcnow() - timedelta(seconds=5)
        tokens["expired"] = jwt.encode(claims, app.config["SECRET_KEY"], algorithm="HS256")
        tokens["forged"] = jwt.encode({**claims, "exp": utcnow() + timedelta(hours=1)}, "w" * 32)
    floor = make_app(app.config["DATABASE_URL"], app.config["SECRET_KEY"])
    yield Client(app), Client(floor), project_id, tokens
    with app.app_context():
        db.engine.dispose()


LISTS = [
    "",
    "?per_page=5",
    "?per_page=100&page=2",
    "?page=99",
    "?status=todo",
    "?status=done&sort=due_date&order=asc",
    "?status=todo&assignee_id=2&sort=due_date&per_page=20",
    "?priority=urgent&sort=priority",
    "?sort=status&order=asc&per_page=50",
    "?sort=title",
    "?sort=updated_at&order=asc",
    "?overdue=true",
    "?archived=true",
    "?archived=false&status=review",
    "?q=task 1",
    "?q=50%_/",
    "?q=nothing",
    "?q=1%",
    "?q=_",
]


def battery(project_id):
    """(token name, path) of every request compared."""
    tasks = f"/api/v1/projects/{project_id}/tasks"
    requests = [("member", tasks + query) for query in LISTS]
    requests += [("member", f"/api/v1/tasks/{n}") for n in (1, 3, 7, 120, 121, 999999)]
    for who in ("outsider", "admin", "revoked", "expired", "forged", None):
        requests += [(who, tasks), (who, tasks + "?status=todo"), (who, "/api/v1/tasks/2")]
    requests += [("member", f"/api/v1/projects/{project_id + 1}/tasks")]
    return requests


def answer(client, token, path):
    """(status, body, headers that matter) of one GET."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = client.get(path, headers=headers)
    # Each makes its ETag its own way: only whether there is one must agree.
    tag = "ETag" in response.headers
    return response.status, response.get_data(), tag, {h: response.headers.get(h) for h in HEADERS}


def test_the_floor_answers_the_battery_like_the_capstone(apps):
    capstone, floor, project_id, tokens = apps
    for who, path in battery(project_id):
        token = tokens.get(who)
        assert answer(floor, token, path) == answer(capstone, token, path), (who, path)


def test_the_battery_sees_each_kind_of_answer(apps):
    # A battery of only 404s would compare nothing: it must cover lists, pages and refusals.
    capstone, _, project_id, tokens = apps
    statuses = {answer(capstone, tokens.get(w), p)[0] for w, p in battery(project_id)}
    assert statuses == {"200 OK", "401 UNAUTHORIZED", "404 NOT FOUND"}
    empty = answer(capstone, tokens["member"], f"/api/v1/projects/{project_id}/tasks?q=50%_/")
    assert b'"total":1' in empty[1]
