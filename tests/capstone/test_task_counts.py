"""TaskCount, kept by triggers: after every kind of write it equals counting the tasks.

Each test writes tasks one way (the ORM, the API, the archiving job's bulk UPDATE, a
cascade, a Core bulk insert, a rollback) and compares the kept numbers with a GROUP BY
over the task table. The capstone suite runs on SQLite and on PostgreSQL, so both
versions of the triggers are checked.
"""

from datetime import timedelta

import pytest
from capstone_support.counts import counted
from capstone_support.counts import kept
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import update

from capstone import migrate
from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models import TaskCount
from capstone.models.base import utcnow
from capstone.services import archive
from capstone.services import projects


@pytest.fixture
def check(app):
    """Assert the kept counts are the counted ones; return them."""

    def check_counts():
        assert kept(app) == counted(app)
        return kept(app)

    return check_counts


def test_new_tasks_are_counted_by_project_and_status(build, known, check):
    other = build.project(known["carol"], name="Other")
    build.tasks(other, known["carol"], 3, status="review")
    counts = check()
    assert counts[(known["project"], "todo")] == 4  # Task 1, Alpha, Echo, Foxtrot
    assert counts[(other, "review")] == 3


def test_changing_and_deleting_tasks_through_the_api(client, known, check):
    token = client.post(
        "/api/v1/tokens", json={"username": "alice", "password": "correct-horse-battery"}
    ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    tasks = client.get(f"/api/v1/projects/{known['project']}/tasks", headers=headers).get_json()
    first, second = tasks["tasks"][0]["id"], tasks["tasks"][1]["id"]
    answer = client.patch(f"/api/v1/tasks/{first}", json={"status": "done"}, headers=headers)
    assert answer.status_code == 200
    answer = client.patch(f"/api/v1/tasks/{first}", json={"title": "Renamed"}, headers=headers)
    assert answer.status_code == 200
    assert client.delete(f"/api/v1/tasks/{second}", headers=headers).status_code == 204
    check()


def test_archiving_in_bulk_and_restoring(app, known, check):
    long_ago = utcnow() - timedelta(days=archive.ARCHIVE_AFTER_DAYS + 1)
    with app.app_context():
        db.session.execute(update(Task).values(completed_at=long_ago, updated_at=long_ago))
        db.session.commit()
        assert archive.archive_done_tasks() == 1  # Delta
    assert (known["project"], "done") not in check()
    with app.app_context():
        task = db.session.scalar(select(Task).where(Task.title == "Delta"))
        archive.restore_task(task.creator, task)
    assert check()[(known["project"], "done")] == 1


def test_deleting_a_project_deletes_its_counts(app, known, check):
    with app.app_context():
        project = db.session.get(Project, known["project"])
        projects.delete_project(project.owner, project)
        assert db.session.scalar(select(func.count()).select_from(TaskCount)) == 0
    assert check() == {}


def test_a_core_bulk_insert_is_counted_too(app, known, check):
    rows = [
        {"project_id": known["project"], "creator_id": known["alice"], "title": f"Bulk {n}"}
        for n in range(50)
    ]
    with app.app_context():
        db.session.execute(insert(Task), rows)
        db.session.commit()
    assert check()[(known["project"], "todo")] == 54


def test_a_rolled_back_write_changes_no_count(app, known, check):
    before = check()
    with app.app_context():
        db.session.execute(update(Task).values(status="review"))
        db.session.rollback()
    assert check() == before


def test_upgrading_counts_the_tasks_already_there(app, known, check):
    with app.app_context():
        migrate.downgrade("0005_task_list_indexes")
        migrate.upgrade()
    assert check()[(known["project"], "todo")] == 4


@pytest.mark.parametrize(
    "filters",
    ["", "status=todo", "status=done", "priority=urgent", "status=todo&priority=urgent", "q=a"],
)
def test_a_lists_total_is_its_length_whichever_way_it_is_counted(client, known, filters):
    token = client.post(
        "/api/v1/tokens", json={"username": "alice", "password": "correct-horse-battery"}
    ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    path = f"/api/v1/projects/{known['project']}/tasks?{filters}&per_page="
    total = client.get(path + "2", headers=headers).get_json()["pagination"]["total"]
    assert total == len(client.get(path + "100", headers=headers).get_json()["tasks"]) > 0
