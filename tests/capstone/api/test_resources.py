"""Projects, members, tasks and comments over the API, with the web app's access rules."""

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import Comment
from capstone.models import Project
from capstone.models import Task
from capstone.models import project_member


@pytest.fixture
def alice(auth, team):
    """Headers for the owner of the team's project."""
    return auth("alice")


def test_project_lifecycle(client, alice):
    created = client.post(
        "/api/v1/projects", json={"name": "Gemini", "description": "Two seats"}, headers=alice
    )
    assert created.status_code == 201
    project = created.get_json()
    url = f"/api/v1/projects/{project['id']}"
    assert client.get(url, headers=alice).get_json()["name"] == "Gemini"
    patched = client.patch(url, json={"description": "Still two seats"}, headers=alice).get_json()
    assert (patched["name"], patched["description"]) == ("Gemini", "Still two seats")
    assert client.delete(url, headers=alice).status_code == 204
    assert client.get(url, headers=alice).status_code == 404


def test_lists_answer_items_and_pagination(client, alice, build, team):
    for number in range(5):
        build.project(team["alice"], name=f"P{number}")
    body = client.get("/api/v1/projects?per_page=2&page=3", headers=alice).get_json()
    assert [p["name"] for p in body["projects"]] == ["P3", "P4"]  # after Apollo, P0, P1, P2
    assert body["pagination"] == {"page": 3, "per_page": 2, "pages": 3, "total": 6}


def test_members(client, alice, team):
    url = f"/api/v1/projects/{team['project']}/members"
    assert [m["username"] for m in client.get(url, headers=alice).get_json()["members"]] == [
        "alice",
        "bob",
    ]
    assert client.post(url, json={"user_id": team["carol"]}, headers=alice).status_code == 201
    assert client.post(url, json={"user_id": team["carol"]}, headers=alice).status_code == 409
    assert client.post(url, json={"user_id": 999}, headers=alice).status_code == 422
    assert client.delete(f"{url}/{team['carol']}", headers=alice).status_code == 204
    assert client.delete(f"{url}/{team['alice']}", headers=alice).status_code == 422


def test_task_lifecycle_and_comments(client, auth, team):
    bob = auth("bob")
    url = f"/api/v1/projects/{team['project']}/tasks"
    task = client.post(
        url,
        json={
            "title": "Write docs",
            "priority": "high",
            "due_date": "2030-05-01",
            "assignee_id": team["bob"],
        },
        headers=bob,
    ).get_json()
    assert (task["status"], task["due_date"], task["creator_id"]) == (
        "todo",
        "2030-05-01",
        team["bob"],
    )
    assert task["created_at"].endswith("+00:00")
    task_url = f"/api/v1/tasks/{task['id']}"
    changed = client.patch(
        task_url, json={"status": "review", "assignee_id": None}, headers=bob
    ).get_json()
    assert (changed["status"], changed["assignee_id"]) == ("review", None)
    done = client.post(f"{task_url}/complete", headers=bob).get_json()
    assert done["status"] == "done" and done["completed_at"] is not None
    comment = client.post(f"{task_url}/comments", json={"body": "Shipped"}, headers=bob).get_json()
    listed = client.get(f"{task_url}/comments", headers=bob).get_json()
    assert [c["body"] for c in listed["comments"]] == ["Shipped"]
    assert client.delete(f"/api/v1/comments/{comment['id']}", headers=bob).status_code == 204
    assert client.delete(task_url, headers=bob).status_code == 204


@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/api/v1/projects/{p}", {"owner_id": 99}),
        ("/api/v1/tasks/{t}", {"project_id": 99}),
        ("/api/v1/tasks/{t}", {"creator_id": 99}),
        ("/api/v1/tasks/{t}", {"id": 99}),
        ("/api/v1/tasks/{t}", {"title": None}),
        ("/api/v1/tasks/{t}", {"status": "lost"}),
        ("/api/v1/tasks/{t}", {"assignee_id": 999}),
    ],
)
def test_fields_a_client_may_not_set_are_refused_and_never_applied(
    app, client, alice, team, url, data
):
    before = snapshot(app)
    response = client.patch(url.format(p=team["project"], t=team["task"]), json=data, headers=alice)
    assert response.status_code == 422
    assert snapshot(app) == before


def snapshot(app):
    """The rows a refused request must leave alone."""
    with app.app_context():
        return (
            db.session.execute(
                select(Project.id, Project.name, Project.owner_id, Project.description)
            ).all(),
            db.session.execute(select(project_member)).all(),
            db.session.execute(
                select(
                    Task.id,
                    Task.project_id,
                    Task.creator_id,
                    Task.title,
                    Task.status,
                    Task.assignee_id,
                )
            ).all(),
            db.session.execute(select(Comment.id, Comment.body)).all(),
        )


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("GET", "/api/v1/projects/{p}", None),
        ("PATCH", "/api/v1/projects/{p}", {"name": "Mine now"}),
        ("DELETE", "/api/v1/projects/{p}", None),
        ("GET", "/api/v1/projects/{p}/members", None),
        ("POST", "/api/v1/projects/{p}/members", {"user_id": 3}),
        ("DELETE", "/api/v1/projects/{p}/members/{bob}", None),
        ("GET", "/api/v1/projects/{p}/tasks", None),
        ("POST", "/api/v1/projects/{p}/tasks", {"title": "Sneaky"}),
        ("GET", "/api/v1/tasks/{t}", None),
        ("PATCH", "/api/v1/tasks/{t}", {"title": "Sneaky"}),
        ("DELETE", "/api/v1/tasks/{t}", None),
        ("POST", "/api/v1/tasks/{t}/complete", None),
        ("GET", "/api/v1/tasks/{t}/comments", None),
        ("POST", "/api/v1/tasks/{t}/comments", {"body": "Sneaky"}),
        ("DELETE", "/api/v1/comments/{c}", None),
    ],
)
def test_an_outsider_gets_404_for_everything_and_changes_nothing(
    app, client, auth, team, method, url, data
):
    alice = auth("alice")
    comment = client.post(
        f"/api/v1/tasks/{team['task']}/comments", json={"body": "mine"}, headers=alice
    ).get_json()
    before = snapshot(app)
    carol = auth("carol")
    target = url.format(p=team["project"], t=team["task"], bob=team["bob"], c=comment["id"])
    response = client.open(target, method=method, json=data, headers=carol)
    assert response.status_code == 404
    assert response.get_json()["error"] == "not_found"
    assert snapshot(app) == before


def test_a_member_may_not_manage_the_project(client, auth, team):
    bob = auth("bob")
    assert (
        client.patch(
            f"/api/v1/projects/{team['project']}", json={"name": "x"}, headers=bob
        ).status_code
        == 403
    )
    assert client.delete(f"/api/v1/projects/{team['project']}", headers=bob).status_code == 403


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("status=todo&sort=title&order=asc", ["Alpha", "Echo", "Foxtrot", "Task 1"]),
        ("priority=urgent", ["Echo", "Bravo"]),  # newest first by default
        ("overdue=true&sort=title&order=asc", ["Alpha", "Charlie"]),
        ("q=ha&sort=title&order=asc", ["Alpha", "Charlie"]),
        (
            "sort=priority&order=desc",
            ["Echo", "Bravo", "Charlie", "Foxtrot", "Delta", "Task 1", "Alpha"],
        ),
        (
            "sort=due_date&order=asc&status=todo",
            ["Alpha", "Foxtrot", "Task 1", "Echo"],
        ),  # no date: last
    ],
)
def test_task_filters_and_sorting(client, alice, known, query, titles):
    body = client.get(
        f"/api/v1/projects/{known['project']}/tasks?{query}", headers=alice
    ).get_json()
    assert [t["title"] for t in body["tasks"]] == titles


def test_task_filter_by_assignee(client, alice, known):
    query = f"assignee_id={known['bob']}&sort=title&order=asc"
    body = client.get(
        f"/api/v1/projects/{known['project']}/tasks?{query}", headers=alice
    ).get_json()
    assert [t["title"] for t in body["tasks"]] == ["Alpha", "Charlie", "Delta", "Foxtrot", "Task 1"]
