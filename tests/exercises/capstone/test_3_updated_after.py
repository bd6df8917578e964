"""Exercise 3 of tests/exercises/capstone/README.md: ?updated_after= on the task list, indexed.

The plan check is SQLite's EXPLAIN QUERY PLAN of every statement the request sends that
reads tasks, as in tests/capstone/test_query_plans.py: SEARCH through an index, never a
SCAN of the table, and no TEMP B-TREE (the index gives the order too).
"""

import importlib
import time
from urllib.parse import quote

import pytest
from capstone_support.query_plans import task_plans

hint = pytest.mark.hint
PROJECT = "Website relaunch"


@pytest.fixture
def changed(api, demo):
    """(the moment before the change, quoted for a URL; the id of the task changed after it)."""
    alice = api("alice")
    now = alice.get(f"/tasks/{demo['tasks']['Accessibility audit']['id']}").get_json()
    time.sleep(0.01)  # updated_at has microseconds: after `now`, strictly
    task = demo["tasks"]["Fix the broken contact form"]["id"]
    assert alice.patch(f"/tasks/{task}", json={"priority": "high"}).status_code == 200
    return quote(now["updated_at"]), task


@hint("TaskQuery gets updated_after (services/tasks.py), read by task_query in api/tasks.py")
def test_3_the_list_keeps_the_tasks_changed_after(api, demo, changed):
    after, task = changed
    listed = api("alice").get(f"/projects/{demo['projects'][PROJECT]}/tasks?updated_after={after}")
    assert listed.status_code == 200, listed.get_json()
    assert [row["id"] for row in listed.get_json()["tasks"]] == [task]
    assert listed.get_json()["pagination"]["total"] == 1, "the total counts the filter too"


@hint("a date-time with its time zone (2026-12-02T09:30:00+00:00), else a 400 naming it")
@pytest.mark.parametrize("value", ["yesterday", "2026-12-02", "2026-12-02T09:30:00", ""])
def test_3_a_bad_moment_is_a_400_naming_updated_after(api, demo, value):
    path = f"/projects/{demo['projects'][PROJECT]}/tasks?updated_after="
    alice = api("alice")
    assert alice.get(path + "2026-12-02T09:30:00%2B00:00").status_code == 200
    answer = alice.get(path + value)
    assert answer.status_code == 400, answer.get_json()
    assert "updated_after" in str(answer.get_json())


@hint("TASK_FILTERS in api/openapi_parameters.py: a string with format date-time")
def test_3_the_openapi_document_lists_the_parameter(openapi):
    listing = openapi["paths"]["/projects/{project_id}/tasks"]["get"]["parameters"]
    [parameter] = [item for item in listing if item.get("name") == "updated_after"]
    assert parameter["in"] == "query"
    assert parameter["schema"] == {"type": "string", "format": "date-time"}


@hint("an index on task (project_id, archived_at, updated_at): in models/task.py and a migration")
def test_3_the_list_changed_after_reads_an_index_in_its_order(
    app, api, demo, changed, demo_database, task_table
):
    indexed = [i["name"] for i in task_table(demo_database)[1] if "updated_at" in i["column_names"]]
    assert indexed, "flask init-db made no index of task.updated_at"
    path = f"/projects/{demo['projects'][PROJECT]}/tasks?updated_after={changed[0]}"
    used = plans(app, api("alice"), path + "&sort=updated_at&order=desc")
    assert used and not [step for step in used if step.startswith("SCAN task")], used
    assert not [step for step in used if "TEMP B-TREE" in step], used
    assert any(name in step for step in used for name in indexed), used


def plans(app, caller, path):
    """GET `path`; every step of the plans of the statements it sent that read tasks."""
    with app.app_context():
        engine = importlib.import_module("capstone.database").db.engine

    def send():
        assert caller.get(path).status_code == 200

    return [step for plan in task_plans(engine, send) for step in plan]
