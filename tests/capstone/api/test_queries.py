"""No N+1: a page of the task list costs the same number of SQL statements at any size."""

import itertools

from sqlalchemy import insert

from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow


def add_tasks(app, project_id, creator_id, assignees, count):
    """Insert `count` tasks in one statement, assigned round-robin to `assignees`."""
    now = utcnow()
    rows = [
        {
            "project_id": project_id,
            "title": f"Bulk {n}",
            "description": "",
            "status": "todo",
            "priority": "low",
            "assignee_id": assignee,
            "creator_id": creator_id,
            "created_at": now,
            "updated_at": now,
        }
        for n, assignee in zip(range(count), itertools.cycle(assignees), strict=False)
    ]
    with app.app_context():
        db.session.execute(insert(Task), rows)
        db.session.commit()


def statements(client, count_queries, url, headers):
    """How many SQL statements one GET of `url` sends (after the token check)."""
    with count_queries() as sent:
        assert client.get(url, headers=headers).status_code == 200
    return len(sent)


def test_task_list_statements_do_not_depend_on_page_size_or_project_size(
    app, client, team, auth, build, count_queries
):
    headers = auth("alice")
    url = f"/api/v1/projects/{team['project']}/tasks"
    # Many distinct assignees: loading each one lazily would show as extra statements.
    helpers = [build.user(f"helper{n}") for n in range(12)]
    with app.app_context():
        project = db.session.get(Project, team["project"])
        project.members.extend(db.session.get(User, helper) for helper in helpers)
        db.session.commit()
    assignees = [*helpers, None]
    add_tasks(app, team["project"], team["alice"], assignees, 99)  # 100 in all
    five = statements(client, count_queries, f"{url}?per_page=5", headers)
    hundred = statements(client, count_queries, f"{url}?per_page=100", headers)
    add_tasks(app, team["project"], team["alice"], assignees, 9_900)  # 10,000
    large = statements(client, count_queries, f"{url}?per_page=100", headers)
    query = f"{url}?per_page=100&status=todo&assignee_id={helpers[0]}&sort=due_date"
    filtered = statements(client, count_queries, query, headers)
    assert five == hundred == large == filtered
