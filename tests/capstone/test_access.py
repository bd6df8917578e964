"""Who may see and do what: every route against owner, member, outsider, admin and visitor.

Outsiders get 404 for everything in a project, as if it did not exist. Members may
see the project and work on tasks; only the owner manages the project (403 for the
others who can see it). Admins see everything but only act where they are members.
Visitors are sent to the login page. A refused write changes nothing.
"""

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import Comment
from capstone.models import Project
from capstone.models import Task
from capstone.models import project_member

WHO = ["owner", "member", "outsider", "admin", "visitor"]
USERNAMES = {"owner": "alice", "member": "bob", "outsider": "carol", "admin": "root"}

# (method, path, form data, expected status for each of WHO)
ROUTES = [
    ("GET", "/dashboard", None, [200, 200, 200, 200, 302]),
    ("GET", "/projects/{p}", None, [200, 200, 404, 200, 302]),
    ("GET", "/projects/{p}/tasks", None, [200, 200, 404, 200, 302]),
    ("GET", "/projects/{p}/members", None, [200, 200, 404, 200, 302]),
    ("GET", "/projects/{p}/edit", None, [200, 403, 404, 403, 302]),
    ("POST", "/projects/{p}/edit", {"name": "Renamed"}, [303, 403, 404, 403, 302]),
    ("POST", "/projects/{p}/members", {"user": "carol"}, [303, 403, 404, 403, 302]),
    ("POST", "/projects/{p}/members/{bob}/remove", {}, [303, 403, 404, 403, 302]),
    ("POST", "/projects/{p}/delete", {}, [303, 403, 404, 403, 302]),
    ("GET", "/projects/{p}/tasks/new", None, [200, 200, 404, 403, 302]),
    (
        "POST",
        "/projects/{p}/tasks/new",
        {"title": "New", "status": "todo", "priority": "low", "assignee_id": "0"},
        [303, 303, 404, 403, 302],
    ),
    ("GET", "/tasks/{t}", None, [200, 200, 404, 200, 302]),
    ("GET", "/tasks/{t}/edit", None, [200, 200, 404, 403, 302]),
    (
        "POST",
        "/tasks/{t}/edit",
        {"title": "Edited", "status": "review", "priority": "low", "assignee_id": "0"},
        [303, 303, 404, 403, 302],
    ),
    ("POST", "/tasks/{t}/status", {"status": "done"}, [303, 303, 404, 403, 302]),
    ("POST", "/tasks/{t}/comments", {"body": "Hello"}, [303, 303, 404, 403, 302]),
]

CASES = [
    pytest.param(method, path, data, who, statuses[i], id=f"{who}-{method}-{path}")
    for method, path, data, statuses in ROUTES
    for i, who in enumerate(WHO)
]


def snapshot(app):
    """Everything a refused write must leave alone."""
    with app.app_context():
        return (
            db.session.execute(select(Project.id, Project.name)).all(),
            db.session.execute(select(project_member)).all(),
            db.session.execute(select(Task.id, Task.title, Task.status, Task.assignee_id)).all(),
            db.session.execute(select(Comment.id, Comment.body)).all(),
        )


@pytest.mark.parametrize(("method", "path", "data", "who", "expected"), CASES)
def test_access_matrix(app, client, team, login, method, path, data, who, expected):
    if who != "visitor":
        login(client, USERNAMES[who])
    url = path.format(p=team["project"], t=team["task"], bob=team["bob"])
    before = snapshot(app)
    response = client.open(url, method=method, data=data)
    assert response.status_code == expected, response.text[:300]
    if method == "POST" and expected != 303:
        assert snapshot(app) == before, "a refused request changed the database"
    if expected == 404:
        assert "<h1>404 Not Found</h1>" in response.text


def test_an_admin_sees_every_project_in_the_list(client, team, build, login):
    build.project(team["carol"], name="Carol's secret")
    login(client, "root")
    assert "Carol&#39;s secret" in client.get("/projects/").text


def test_an_outsider_does_not_see_the_project_in_lists(client, team, login):
    login(client, "carol")
    assert "Apollo" not in client.get("/projects/").text
    assert "Apollo" not in client.get("/dashboard").text
