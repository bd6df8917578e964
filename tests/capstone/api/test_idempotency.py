"""Idempotency-Key on the API's creates: a retried POST is answered again, never done twice.

A client whose POST timed out cannot know whether it happened (seen when workers were
killed mid-request); it sends the same request with the same key, and gets the first
answer. Two copies racing create one row.
"""

import io
from datetime import timedelta

import pytest
from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import OperationalError

from capstone.database import db
from capstone.models import IdempotencyKey
from capstone.models import Task
from capstone.models.base import utcnow

PASSWORD = "correct-horse-battery"


def task_count(app):
    """How many tasks there are."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(Task))


@pytest.fixture
def post_task(client, auth, team):
    """POST a task as bob with these headers; the response."""
    bob = auth("bob")

    def post(title="Dock", **headers):
        url = f"/api/v1/projects/{team['project']}/tasks"
        return client.post(url, json={"title": title}, headers={**bob, **headers})

    return post


def test_the_same_key_twice_is_one_task_and_the_same_answer(app, post_task):
    before = task_count(app)
    first = post_task(**{"Idempotency-Key": "k-1"})
    again = post_task(**{"Idempotency-Key": "k-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert task_count(app) == before + 1
    assert post_task(**{"Idempotency-Key": "k-2"}).get_json()["id"] != first.get_json()["id"]


def test_without_a_key_every_post_creates(app, post_task):
    before = task_count(app)
    post_task(), post_task()
    assert task_count(app) == before + 2


def test_a_key_used_for_another_request_is_a_422(post_task):
    post_task(**{"Idempotency-Key": "k-1"})
    other = post_task("Another title", **{"Idempotency-Key": "k-1"})
    assert other.status_code == 422
    assert other.get_json()["fields"] == {
        "Idempotency-Key": "This key was used for another request."
    }


def test_keys_are_each_callers_own(app, client, auth, team, post_task):
    post_task(**{"Idempotency-Key": "shared"})
    url = f"/api/v1/projects/{team['project']}/tasks"
    alice = {**auth("alice"), "Idempotency-Key": "shared"}
    assert client.post(url, json={"title": "Dock"}, headers=alice).status_code == 201
    assert task_count(app) == 3


def test_a_refused_request_leaves_the_key_free_for_the_fixed_one(app, post_task):
    assert post_task("", **{"Idempotency-Key": "k-1"}).status_code == 422
    fixed = post_task(**{"Idempotency-Key": "k-1"})
    assert fixed.status_code == 201
    assert "Idempotent-Replayed" not in fixed.headers
    assert task_count(app) == 2


def test_a_request_that_failed_can_be_sent_again_with_its_key(app, post_task, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("the database went away")

    monkeypatch.setattr("capstone.api.tasks.tasks.create_task", broken)
    with pytest.raises(ConnectionError):  # the test app lets errors through
        post_task(**{"Idempotency-Key": "k-1"})
    monkeypatch.undo()
    assert post_task(**{"Idempotency-Key": "k-1"}).status_code == 201
    assert task_count(app) == 2


def test_keys_expire_after_a_day(app, post_task):
    post_task(**{"Idempotency-Key": "k-1"})
    with app.app_context():
        db.session.execute(update(IdempotencyKey).values(created_at=utcnow() - timedelta(hours=25)))
        db.session.commit()
    assert "Idempotent-Replayed" not in post_task(**{"Idempotency-Key": "k-1"}).headers
    assert task_count(app) == 3


@pytest.mark.parametrize("key", ["", "x" * 201, "with space", "é"])
def test_a_malformed_key_is_a_400_naming_the_header(post_task, key):
    answer = post_task(**{"Idempotency-Key": key})
    assert answer.status_code == 400
    assert "Idempotency-Key" in answer.get_json()["fields"]


def test_eight_copies_at_once_create_one_task(app, team):
    with serving(app) as base:
        bearer = api(base, "POST", "/api/v1/tokens", {"username": "bob", "password": PASSWORD})[1]
        url = f"/api/v1/projects/{team['project']}/tasks"
        headers = {"Idempotency-Key": "retry-me"}
        answers = at_once(
            lambda n: api(base, "POST", url, {"title": "Once"}, bearer["access_token"], headers),
            range(8),
        )
    created = [body for status, body in answers if status == 201]
    assert created and all(body == created[0] for body in created)
    assert {status for status, _ in answers} <= {201, 409}  # 409: the first is still running
    with app.app_context():
        titles = db.session.scalars(select(Task.title).where(Task.title == "Once")).all()
        assert titles == ["Once"]


def test_the_document_offers_the_header_on_every_create(client):
    paths = client.get("/api/v1/openapi.json").get_json()["paths"]
    offered = {
        (path, method)
        for path, item in paths.items()
        for method, operation in item.items()
        if any(p["name"] == "Idempotency-Key" for p in operation["parameters"])
    }
    assert offered == {
        ("/projects", "post"),
        ("/projects/{project_id}/members", "post"),
        ("/projects/{project_id}/tasks", "post"),
        ("/tasks/{task_id}/comments", "post"),
        ("/tasks/{task_id}/attachments", "post"),
        ("/organizations", "post"),
        ("/organizations/{organization_id}/invitations", "post"),
    }


def test_a_create_whose_answer_was_not_kept_is_never_done_again(app, post_task, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("UPDATE idempotency_key ...", {}, Exception("database is locked"))

    monkeypatch.setattr("capstone.services.idempotency.record", lost)
    first = post_task(**{"Idempotency-Key": "k-1"})
    assert first.status_code == 201  # done, and said so
    monkeypatch.undo()
    again = post_task(**{"Idempotency-Key": "k-1"})
    assert again.status_code == 409  # the key came with the create; its answer did not
    assert task_count(app) == 2


def test_an_upload_with_its_key_is_one_file_and_another_file_is_a_422(client, auth, team):
    url, bob = f"/api/v1/tasks/{team['task']}/attachments", auth("bob")

    def upload(name, content):
        data = {"file": (io.BytesIO(content), name)}
        headers = {**bob, "Idempotency-Key": "up-1"}
        return client.post(url, data=data, headers=headers, content_type="multipart/form-data")

    first, again = upload("a.txt", b"hello"), upload("a.txt", b"hello")
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.get_json() == first.get_json() and again.headers["Idempotent-Replayed"] == "true"
    assert upload("b.txt", b"other").status_code == 422
    listing = client.get(url, headers=bob).get_json()["attachments"]
    assert [attachment["name"] for attachment in listing] == ["a.txt"]
