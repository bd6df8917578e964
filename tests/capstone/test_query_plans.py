"""The query plans of the task lists and the dashboard: indexes, never a scan of every task.

SQLite's EXPLAIN QUERY PLAN says, for each table a statement reads, SEARCH (through an
index) or SCAN (every row). A SCAN of the task table is a request whose cost grows with
all the tasks of the site; make bench measures the same requests at 100,000 tasks.
"""

import pytest
from capstone_support.query_plans import task_plans

from capstone.database import db


@pytest.fixture
def plans(app):
    """A function: GET a path, return the plan of every statement it sent that reads tasks."""

    def plans_of(client, path):
        with app.app_context():
            engine = db.engine
        if engine.dialect.name != "sqlite":
            pytest.skip("EXPLAIN QUERY PLAN is SQLite's; the SQLite run checks the plans")

        def send():
            assert client.get(path).status_code == 200

        return task_plans(engine, send)

    return plans_of


def steps(plans):
    """Every step of every plan, flattened."""
    return [step for plan in plans for step in plan]


@pytest.fixture
def as_alice(client, login, known):
    login(client, "alice")
    return client


def test_the_filtered_list_uses_indexes(as_alice, known, plans):
    path = (
        f"/projects/{known['project']}/tasks?status=todo&assignee_id={known['bob']}&sort=due_date"
    )
    used = steps(plans(as_alice, path))
    assert not [step for step in used if step.startswith("SCAN task")], used
    # The count reads the index alone: status, assignee and archived_at are all in it.
    assert any("COVERING INDEX ix_task_project_status" in step for step in used), used


def test_the_default_list_pages_from_one_index_and_reads_its_total(as_alice, known, plans):
    used = steps(plans(as_alice, f"/projects/{known['project']}/tasks"))
    assert not [step for step in used if step.startswith("SCAN task")], used
    assert any("INDEX ix_task_project_archived_created" in step for step in used), used
    assert not [step for step in used if "TEMP B-TREE" in step], used  # the index is the order
    # The total is read from task_count (one row per status), not counted over the tasks.
    assert any(step.startswith("SEARCH task_count") for step in used), used
    assert not [step for step in used if "COVERING INDEX ix_task" in step], used


def test_the_dashboard_uses_indexes(as_alice, known, plans):
    used = steps(plans(as_alice, "/dashboard"))
    assert not [step for step in used if step.startswith("SCAN task")], used
    assert any("ix_task_assignee_due_date" in step for step in used), used
    # The counts per status are read from task_count, never counted over the tasks.
    assert any(step.startswith("SEARCH task_count") for step in used), used
    assert not [step for step in used if "ix_task_project_status" in step], used
