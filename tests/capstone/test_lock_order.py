"""On PostgreSQL, every writer locks a project's task rows before the project's row.

A task write locks the task's row, then (by the triggers of migrations 0008 and 0011)
its count row and its project's row. Deleting a project must take them in the same
order, or it and a task write each wait for what the other holds: a deadlock, which
PostgreSQL ends by failing one of them after a second.
"""

import threading
import time

import pytest
from sqlalchemy import text

from capstone.database import db
from capstone.models import Project
from capstone.models import User
from capstone.services import projects


@pytest.fixture
def postgres(app):
    """Only on PostgreSQL: SQLite has one writer at a time, so no two wait on each other."""
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("row locks are PostgreSQL's; SQLite has one writer at a time")


def test_deleting_a_project_while_its_task_is_written_is_no_deadlock(app, team, postgres):
    outcome = {}

    def delete_the_project():
        with app.app_context():
            owner = db.session.get(User, team["alice"])
            try:
                projects.delete_project(owner, db.session.get(Project, team["project"]))
                outcome["delete"] = "done"
            except Exception as error:  # the outcome is what the test checks
                outcome["delete"] = repr(error)

    with app.app_context(), db.engine.connect() as writer:
        task = {"task": team["task"]}
        writer.execute(text("SELECT id FROM task WHERE id = :task FOR UPDATE"), task)
        deleting = threading.Thread(target=delete_the_project)
        deleting.start()
        time.sleep(0.5)  # the delete is now waiting for the task's row
        # The update's triggers need the project's row: the delete must not hold it yet.
        writer.execute(text("UPDATE task SET title = 'Renamed' WHERE id = :task"), task)
        writer.commit()
    deleting.join(timeout=30)
    assert outcome == {"delete": "done"}
