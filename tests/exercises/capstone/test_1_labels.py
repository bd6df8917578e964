"""Exercise 1 of tests/exercises/capstone/README.md: labels on tasks, through every layer."""

import importlib
import sqlite3

import pytest

hint = pytest.mark.hint
TITLE = "Fix the broken contact form"


@hint("a new revision in migrations/versions/ (down_revision: the newest) adds task.labels")
def test_1_a_migration_adds_the_labels_column_and_takes_it_back(
    capstone, demo_database, task_table, tmp_path
):
    assert "labels" in task_table(demo_database)[0], "flask init-db made no column task.labels"
    migrate = importlib.import_module("capstone.migrate")
    app = capstone.create_app({"ENV_NAME": "testing", "DATABASE_URL": f"sqlite:///{tmp_path}/a"})
    with app.app_context():
        migrate.upgrade()
        migrate.downgrade("-1")
        importlib.import_module("capstone.database").db.engine.dispose()
    assert "labels" not in task_table(tmp_path / "a")[0], "one step down still has task.labels"
    # Batch mode on SQLite rebuilds the table, without the triggers that keep task_count.
    assert triggers_of(tmp_path / "a") == triggers_of(demo_database), (
        "the task table lost its triggers"
    )


def triggers_of(database_path):
    """The names of the triggers on the task table of a SQLite database."""
    with sqlite3.connect(database_path) as connection:
        rows = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'task'"
        )
        names = sorted(name for (name,) in rows)
    connection.close()
    assert names, "no triggers at all on the task table"
    return names


@hint("TaskIn and TaskPatch take labels (api/schemas.py), Task answers them (api/outputs.py)")
def test_1_the_api_stores_and_returns_labels(api, demo):
    alice = api("alice")
    project = demo["projects"]["Website relaunch"]
    made = alice.post(f"/projects/{project}/tasks", json={"title": "Logo", "labels": ["ui", "bug"]})
    assert made.status_code == 201, made.get_json()
    assert made.get_json()["labels"] == ["bug", "ui"]
    task = made.get_json()["id"]
    assert alice.get(f"/tasks/{task}").get_json()["labels"] == ["bug", "ui"]
    changed = alice.patch(f"/tasks/{task}", json={"labels": ["ux", "ux", "design"]})
    assert changed.get_json()["labels"] == ["design", "ux"]  # duplicates once
    assert alice.patch(f"/tasks/{task}", json={"labels": []}).get_json()["labels"] == []
    plain = alice.post(f"/projects/{project}/tasks", json={"title": "No labels"})
    assert plain.get_json()["labels"] == []
    # The list's total comes from task_count, kept by triggers on the task table: a
    # migration that rebuilds the table (batch mode on SQLite) loses them.
    listed = alice.get(f"/projects/{project}/tasks?per_page=100").get_json()
    assert listed["pagination"]["total"] == len(listed["tasks"]), "task_count lost its triggers"


@hint("a label is 1 to 30 of a-z, 0-9 and '-', at most 10 of them: a 422 naming labels")
@pytest.mark.parametrize(
    "labels", [["two words"], [""], ["x" * 31], ["Bug"], [f"l{n}" for n in range(11)], "bug", [1]]
)
def test_1_a_bad_label_is_a_422_naming_labels(api, demo, labels):
    task, alice = demo["tasks"][TITLE]["id"], api("alice")
    assert alice.patch(f"/tasks/{task}", json={"labels": ["a-1"]}).status_code == 200
    answer = alice.patch(f"/tasks/{task}", json={"labels": labels})
    assert answer.status_code == 422, answer.get_json()
    assert "labels" in str(answer.get_json())


@hint("the OpenAPI document is made of the models: labels in TaskIn, TaskPatch and Task")
def test_1_the_openapi_document_describes_labels(openapi):
    schemas = openapi["components"]["schemas"]
    for name in ("Task", "TaskIn", "TaskPatch"):
        labels = schemas[name]["properties"].get("labels")
        assert labels is not None, f"{name} has no labels"
        assert labels.get("type") == "array" and labels["items"].get("type") == "string", labels


@hint("TaskForm gets a labels field (words split by spaces or commas), and tasks/form.html")
def test_1_the_task_form_takes_labels(client, log_in, api, demo):
    log_in(client, "alice")
    task = demo["tasks"][TITLE]
    page = client.get(f"/tasks/{task['id']}/edit").get_data(as_text=True)
    assert 'name="labels"' in page, "the edit form has no labels field"
    fields = {"title": TITLE, "status": "todo", "priority": "urgent", "labels": "web, forms bug"}
    fields["assignee_id"] = str(task["assignee_id"])
    assert client.post(f"/tasks/{task['id']}/edit", data=fields).status_code == 303
    assert api("alice").get(f"/tasks/{task['id']}").get_json()["labels"] == ["bug", "forms", "web"]
