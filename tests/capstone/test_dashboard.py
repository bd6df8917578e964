"""The dashboard's numbers, and a constant number of SQL statements however much data there is."""

import re
from datetime import timedelta

from capstone.database import db
from capstone.models import Project
from capstone.models import User
from capstone.models.task import today
from capstone.services import task_list
from capstone.services import tasks


def test_counts_by_status_per_project(client, login, build, team):
    build.tasks(team["project"], team["alice"], count=3, status="done")
    build.tasks(team["project"], team["alice"], count=2, status="review")
    other = build.project(team["bob"], name="Bob's own")
    build.tasks(other, team["bob"], count=4, status="in_progress")
    login(client, "bob")
    text = client.get("/dashboard").text
    rows = dict(
        re.findall(
            r'<tr><td><a href="/projects/\d+">([^<]+)</a></td>((?:<td>\d+</td>){4})</tr>', text
        )
    )
    # todo, in progress, review, done
    assert rows["Apollo"] == "<td>1</td><td>0</td><td>2</td><td>3</td>"
    assert rows["Bob&#39;s own"] == "<td>0</td><td>4</td><td>0</td><td>0</td>"


def test_assigned_to_me_and_overdue(client, login, build, team):
    build.task(
        team["project"],
        team["alice"],
        title="Late one",
        assignee_id=team["bob"],
        due_date=today() - timedelta(days=2),
    )
    build.task(
        team["project"], team["alice"], title="Finished", assignee_id=team["bob"], status="done"
    )
    login(client, "bob")
    text = client.get("/dashboard").text
    mine = text[text.index("Assigned to me") : text.index("Overdue</h2>")]
    overdue = text[text.index("Overdue</h2>") :]
    assert "Late one" in mine and "Task 1" in mine and "Finished" not in mine
    assert "Late one" in overdue and "Task 1" not in overdue


def add_member(app, project_id, user_id):
    """Add a user to a project directly in the database."""
    with app.app_context():
        project = db.session.get(Project, project_id)  # held: the session keeps weak references
        project.members.append(db.session.get(User, user_id))
        db.session.commit()


def statements_for(client, path, count_queries):
    """How many SQL statements one GET of `path` sends."""
    with count_queries() as statements:
        assert client.get(path).status_code == 200
    return len(statements)


def test_the_dashboard_query_count_does_not_grow_with_the_data(
    client, login, build, team, count_queries
):
    login(client, "alice")
    small = statements_for(client, "/dashboard", count_queries)
    for number in range(10):
        helper = build.user(f"helper{number}")
        project = build.project(team["alice"], name=f"P{number}", members=[team["bob"], helper])
        build.tasks(project, team["alice"], count=10, assignee_id=team["alice"])
        late = today() - timedelta(days=1)
        build.tasks(project, team["alice"], count=10, assignee_id=helper, due_date=late)
    large = statements_for(client, "/dashboard", count_queries)
    assert small == large


def test_the_task_list_query_count_does_not_grow_with_the_data(
    client, login, build, team, count_queries
):
    login(client, "alice")
    build.tasks(team["project"], team["alice"], count=10, assignee_id=team["bob"])
    small = statements_for(client, f"/projects/{team['project']}/tasks", count_queries)
    # Many assignees on the first page: a lazy load per distinct assignee would show up
    # as extra statements.
    helpers = [build.user(f"helper{number}") for number in range(8)]
    for helper in helpers:
        add_member(build.app, team["project"], helper)
    for _ in range(5):
        for helper in helpers:
            build.task(team["project"], team["alice"], assignee_id=helper)
    large = statements_for(client, f"/projects/{team['project']}/tasks", count_queries)
    assert small == large


def test_the_board_query_count_does_not_grow_with_the_data(
    client, login, build, team, count_queries
):
    login(client, "alice")
    small = statements_for(client, f"/projects/{team['project']}", count_queries)
    for number in range(6):
        helper = build.user(f"helper{number}")
        add_member(build.app, team["project"], helper)
        build.tasks(team["project"], team["alice"], count=20, assignee_id=helper, status="review")
    large = statements_for(client, f"/projects/{team['project']}", count_queries)
    assert small == large


def test_a_list_asked_with_its_assignees_loads_them_in_its_own_queries(
    app, build, team, count_queries
):
    helpers = [build.user(f"helper{number}") for number in range(3)]
    for helper in helpers:
        build.task(team["project"], team["alice"], assignee_id=helper)
    with app.app_context():
        project = db.session.get(Project, team["project"])
        page = task_list.list_tasks(project, tasks.TaskQuery(), assignees=True)
        with count_queries() as statements:
            names = {task.assignee.username for task in page.items}
        assert names == {"bob", "helper0", "helper1", "helper2"}
        assert statements == []
