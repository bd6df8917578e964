"""ETag and If-None-Match on a project, its task list and a task: 304 only if nothing changed."""

from datetime import timedelta

import pytest
from sqlalchemy import delete
from sqlalchemy import false
from sqlalchemy import update

from capstone.api import conditional
from capstone.database import db
from capstone.models import Task
from capstone.models import project_member
from capstone.models.base import utcnow
from capstone.models.task import today
from capstone.services.archive import archive_done_tasks


@pytest.fixture
def urls(team):
    """The three conditional URLs of the team's project, a filtered list among them."""
    project = f"/api/v1/projects/{team['project']}"
    return {
        "project": project,
        "list": project + "/tasks",
        "filtered": project + "/tasks?status=todo&per_page=5",
        "task": f"/api/v1/tasks/{team['task']}",
    }


def tag_of(client, url, headers):
    """The ETag of a full answer to GET `url`, checking it is one."""
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"
    return response.headers["ETag"]


def revalidate(client, url, headers, tag):
    """GET `url` with If-None-Match: `tag`."""
    return client.get(url, headers={**headers, "If-None-Match": tag})


def test_an_unchanged_answer_is_a_304_without_body_or_list_query(client, auth, urls, count_queries):
    alice = auth("alice")
    for url in urls.values():
        tag = tag_of(client, url, alice)
        with count_queries() as statements:
            again = revalidate(client, url, alice, tag)
        assert again.status_code == 304 and again.get_data() == b""
        assert again.headers["ETag"] == tag
        assert again.headers["Cache-Control"] == "private, no-cache"
        assert len(statements) == 2  # the token's user, then the project (or task) and version


def api_write(method, path, body=None):
    """A write through the API, by alice, on the team's project or task."""

    def write(client, alice, team, app):
        url = path.format(**team)
        response = client.open(url, method=method, json=body, headers=alice)
        assert response.status_code < 300, response.get_json()

    return write


def sql_write(statement_of):
    """A write straight to the database, the way a job or a cascade makes one."""

    def write(client, alice, team, app):
        with app.app_context():
            db.session.execute(statement_of(team))
            db.session.commit()

    return write


def archive_job(client, alice, team, app):
    """The archiving job's bulk UPDATE, run a year from now on the team's done task."""
    with app.app_context():
        assert archive_done_tasks(now=utcnow() + timedelta(days=400)) == 1


def finish_the_task(app, team):
    """Before the archive job: the team's task is done (and the tags are taken after)."""
    with app.app_context():
        db.session.execute(
            update(Task).where(Task.id == team["task"]).values(status="done", completed_at=utcnow())
        )
        db.session.commit()


archive_job.prepare = finish_the_task


WRITES = {
    "create a task": api_write("POST", "/api/v1/projects/{project}/tasks", {"title": "New"}),
    "edit a task": api_write("PATCH", "/api/v1/tasks/{task}", {"title": "Renamed"}),
    "complete a task": api_write("POST", "/api/v1/tasks/{task}/complete"),
    "delete a task": api_write("DELETE", "/api/v1/tasks/{task}"),
    "edit the project": api_write("PATCH", "/api/v1/projects/{project}", {"name": "Artemis"}),
    "bulk update": sql_write(lambda t: update(Task).values(priority="urgent")),
    "archive job": archive_job,
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_a_write_ends_every_304_it_could_change(client, auth, team, urls, app, write):
    alice = auth("alice")
    if prepare := getattr(write, "prepare", None):
        prepare(app, team)
    before = {name: (tag_of(client, url, alice), client.get(url, headers=alice).get_data())
              for name, url in urls.items()}  # fmt: skip
    write(client, alice, team, app)
    for name, url in urls.items():
        tag, body = before[name]
        after = revalidate(client, url, alice, tag)
        if after.status_code == 304:  # allowed only if the answer is truly the same
            assert client.get(url, headers=alice).get_data() == body, name
        else:
            assert after.status_code in (200, 404), name
    changed = revalidate(client, urls["list"], alice, before["list"][0])
    assert changed.status_code == 200  # every one of these writes changes the list


def test_a_write_elsewhere_keeps_the_304(client, auth, build, team, urls):
    alice = auth("alice")
    tag = tag_of(client, urls["list"], alice)
    other = build.project(team["alice"], name="Elsewhere")
    client.post(f"/api/v1/projects/{other}/tasks", json={"title": "There"}, headers=alice)
    assert revalidate(client, urls["list"], alice, tag).status_code == 304


def test_filters_and_pages_each_have_their_own_etag(client, auth, urls):
    alice = auth("alice")
    tags = {
        tag_of(client, urls["list"] + query, alice) for query in ("", "?page=2", "?status=todo")
    }
    assert len(tags) == 3
    same = tag_of(client, urls["list"] + "?per_page=5&status=todo", alice)
    assert same == tag_of(client, urls["filtered"], alice)  # the order of parameters aside


def test_an_etag_never_crosses_users(client, auth, app, team, urls):
    alice, bob, carol = auth("alice"), auth("bob"), auth("carol")
    for url in urls.values():
        tag = tag_of(client, url, alice)
        assert revalidate(client, url, bob, tag).status_code == 200  # bob has his own
        assert revalidate(client, url, carol, tag).status_code == 404  # and carol none
    bobs = tag_of(client, urls["list"], bob)
    with app.app_context():
        db.session.execute(delete(project_member).where(project_member.c.user_id == team["bob"]))
        db.session.commit()
    assert revalidate(client, urls["list"], bob, bobs).status_code == 404


def test_a_new_day_is_a_new_etag(client, auth, urls, monkeypatch):
    # A task becomes overdue at midnight without any write: the day is in the tag.
    alice = auth("alice")
    tag = tag_of(client, urls["task"], alice)
    monkeypatch.setattr(conditional, "today", lambda: today() + timedelta(days=31))
    assert revalidate(client, urls["task"], alice, tag).status_code == 200


def test_a_reused_id_is_not_the_same_project(client, auth, team):
    # SQLite gives a deleted row's id to the next row when it was the highest; a new
    # project with as many writes would have the old one's id and version.
    alice = auth("alice")

    def project_with_a_task(name):
        project = client.post("/api/v1/projects", json={"name": name}, headers=alice).get_json()
        url = f"/api/v1/projects/{project['id']}"
        client.post(url + "/tasks", json={"title": "The same title"}, headers=alice)
        return url

    url = project_with_a_task("Old")
    tags = {path: tag_of(client, path, alice) for path in (url, url + "/tasks")}
    assert client.delete(url, headers=alice).status_code == 204
    if project_with_a_task("New") != url:
        pytest.skip("this database did not reuse the id")
    for path, tag in tags.items():
        assert revalidate(client, path, alice, tag).status_code == 200, path


def test_a_task_that_appears_between_two_reads_is_a_404_not_a_500(client, auth, urls, monkeypatch):
    # The task's row and version are read in one statement; if it finds nothing, the
    # answer is the 404 task_for gives, even if the task was created a moment later.
    monkeypatch.setattr(
        conditional, "TASK_AND_VERSION", conditional.TASK_AND_VERSION.where(false())
    )
    response = client.get(urls["task"], headers=auth("alice"))
    assert response.status_code == 404
    assert response.get_json()["message"] == "There is no such task."


def test_the_document_lists_the_conditional_answers(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    conditional_gets = {
        path
        for path, operations in paths.items()
        for method, operation in operations.items()
        if "304" in operation["responses"]
    }
    assert conditional_gets == {
        "/projects/{project_id}",
        "/projects/{project_id}/tasks",
        "/tasks/{task_id}",
    }
    for path in conditional_gets:
        operation = paths[path]["get"]
        assert "If-None-Match" in [p["name"] for p in operation["parameters"]]
        assert "ETag" in operation["responses"]["200"]["headers"]
