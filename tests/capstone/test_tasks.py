"""Tasks: the list's filters, sorting and pages against known data, and the task rules."""

import re
from datetime import timedelta

import pytest

from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models.task import today
from capstone.services import task_list
from capstone.services import tasks


def titles(response):
    """The task titles of a task-list page, in order."""
    return re.findall(r'<td><a href="/tasks/\d+">([^<]+)</a></td>', response.text)


@pytest.fixture
def alice(client, login, known):
    """The client, logged in as the project's owner."""
    login(client, "alice")
    return client


def listing(client, team, **args):
    """GET the team project's task list with these query arguments."""
    return client.get(f"/projects/{team['project']}/tasks", query_string=args)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            {"status": "todo", "sort": "title", "order": "asc"},
            ["Alpha", "Echo", "Foxtrot", "Task 1"],
        ),
        ({"priority": "urgent", "sort": "title", "order": "asc"}, ["Bravo", "Echo"]),
        ({"overdue": "1", "sort": "title", "order": "asc"}, ["Alpha", "Charlie"]),
        ({"q": "lph", "sort": "title"}, ["Alpha"]),
        ({"q": "%", "sort": "title"}, []),  # LIKE wildcards are searched for literally
        (
            {"status": "todo", "priority": "medium", "sort": "title", "order": "asc"},
            ["Foxtrot", "Task 1"],
        ),
    ],
)
def test_filters(alice, known, args, expected):
    assert titles(listing(alice, known, **args)) == expected


def test_filter_by_assignee(alice, known):
    response = listing(alice, known, assignee_id=known["bob"], sort="title", order="asc")
    assert titles(response) == ["Alpha", "Charlie", "Delta", "Foxtrot", "Task 1"]


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        ("title", "asc", ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Task 1"]),
        ("title", "desc", ["Task 1", "Foxtrot", "Echo", "Delta", "Charlie", "Bravo", "Alpha"]),
        # By rank (urgent > high > medium > low), not by name; ties: newest first.
        ("priority", "desc", ["Echo", "Bravo", "Charlie", "Foxtrot", "Delta", "Task 1", "Alpha"]),
    ],
)
def test_sorting(alice, known, sort, order, expected):
    assert titles(listing(alice, known, sort=sort, order=order)) == expected


def test_status_sorts_in_workflow_order_not_by_name(alice, known):
    got = titles(listing(alice, known, sort="status", order="asc"))
    assert set(got[:4]) == {"Alpha", "Echo", "Foxtrot", "Task 1"}  # the four todo tasks
    assert got[4:] == ["Bravo", "Charlie", "Delta"]  # in_progress, review, done


def test_due_date_sort_puts_tasks_without_a_date_last(alice, known):
    got = titles(listing(alice, known, sort="due_date", order="asc"))
    assert got[-1] == "Echo"
    assert got.index("Alpha") < got.index("Bravo")


@pytest.mark.parametrize(
    "args",
    [
        {"sort": "password_hash"},
        {"sort": "__class__"},
        {"order": "sideways"},
        {"page": "0"},
        {"page": "abc"},
        {"page": "99999999999999999999"},
        {"status": "lost"},
        {"assignee_id": "x"},
        {"assignee_id": "99999999999999999999"},  # past any integer column: not a crash
        {"assignee_id": str(2**31)},
        {"assignee_id": "١"},  # a digit, but not an ASCII one
    ],
)
def test_nonsense_in_the_address_is_a_400(alice, known, args):
    assert listing(alice, known, **args).status_code == 400


@pytest.mark.parametrize(
    ("args", "named"),
    [
        ({"sort": "priorty"}, "sort: Sort by one of: "),
        ({"status": "lost"}, "status: Choose one of: todo, in_progress, review, done."),
        ({"overdue": "maybe"}, "overdue: 1 (the box ticked), or leave it out."),
        ({"archived": "true"}, "archived: 1 (the box ticked), or leave it out."),
        ({"page": "0", "order": "up"}, "order: The order is asc or desc.; page: A whole number"),
    ],
)
def test_a_bad_filter_is_named_with_what_it_may_be(alice, known, args, named):
    response = listing(alice, known, **args)
    assert response.status_code == 400
    assert named in response.text


def test_pagination(app, client, login, build, team):
    build.tasks(team["project"], team["alice"], count=44)  # 45 with the team's task
    login(client, "alice")
    first = listing(client, team, sort="title", order="asc")
    assert len(titles(first)) == app.config["TASKS_PER_PAGE"] == 20
    assert "Page 1 of 3 (45 tasks)" in first.text
    last = listing(client, team, sort="title", order="asc", page="3")
    assert len(titles(last)) == 5
    beyond = listing(client, team, page="4")
    assert beyond.status_code == 200
    assert titles(beyond) == []


def test_completing_sets_and_reopening_clears_completed_at(app, client, login, team):
    login(client, "bob")
    client.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    with app.app_context():
        assert db.session.get(Task, team["task"]).completed_at is not None
    client.post(f"/tasks/{team['task']}/status", data={"status": "todo"})
    with app.app_context():
        assert db.session.get(Task, team["task"]).completed_at is None


def test_a_task_can_only_be_assigned_to_a_member(client, login, team):
    login(client, "alice")
    response = client.post(
        f"/projects/{team['project']}/tasks/new",
        data={"title": "T", "status": "todo", "priority": "low", "assignee_id": str(team["carol"])},
    )
    assert response.status_code == 400
    assert "Not a valid choice" in response.text


def test_a_task_form_shows_field_errors(client, login, team):
    login(client, "alice")
    response = client.post(
        f"/projects/{team['project']}/tasks/new", data={"title": "", "status": "lost"}
    )
    assert response.status_code == 400
    assert 'id="title-error"' in response.text and 'id="status-error"' in response.text


def test_the_overdue_rule(app, build, team):
    yesterday, tomorrow = today() - timedelta(days=1), today() + timedelta(days=1)
    cases = {
        build.task(team["project"], team["alice"], due_date=yesterday): True,
        build.task(team["project"], team["alice"], due_date=yesterday, status="done"): False,
        build.task(team["project"], team["alice"], due_date=today()): False,
        build.task(team["project"], team["alice"], due_date=tomorrow): False,
        build.task(team["project"], team["alice"]): False,
    }
    with app.app_context():
        from sqlalchemy import select

        overdue_in_sql = set(db.session.scalars(select(Task.id).where(Task.is_overdue)))
        for task_id, expected in cases.items():
            assert db.session.get(Task, task_id).is_overdue is expected
            assert (task_id in overdue_in_sql) is expected


def test_comments_are_shown_oldest_first(client, login, team):
    login(client, "bob")
    for body in ("first", "second"):
        client.post(f"/tasks/{team['task']}/comments", data={"body": body})
    text = client.get(f"/tasks/{team['task']}").text
    assert text.index("first") < text.index("second")
    assert "Comments (2)" in text


def test_an_empty_comment_is_refused(client, login, team):
    login(client, "bob")
    assert client.post(f"/tasks/{team['task']}/comments", data={"body": "  "}).status_code == 400


def board_card(client, project_id, title):
    """The HTML of the board's card for the task called `title`."""
    page = client.get(f"/projects/{project_id}").text
    start = page.rindex('<article class="card', 0, page.index(f">{title}</a>"))
    return page[start : page.index("</article>", start)]


def test_a_date_in_the_future_is_not_overdue_on_the_board(client, login, team):
    login(client, "alice")
    card = board_card(client, team["project"], "Task 1")
    assert f">{team['due_date'].isoformat()}</time>" in card
    assert "overdue" not in card.lower()


def test_an_overdue_task_says_so_in_words_on_the_board(client, login, build, team):
    late = today() - timedelta(days=1)
    build.task(team["project"], team["alice"], title="Late one", priority="high", due_date=late)
    login(client, "alice")
    card = board_card(client, team["project"], "Late one")
    assert "overdue" in card.split(">", 1)[0]  # the class, for the colour
    assert "</span> Overdue</p>" in card and "High priority" in card  # and the words


def test_the_page_size_comes_from_the_configuration(app, client, login, build, team):
    app.config["TASKS_PER_PAGE"] = 5
    build.tasks(team["project"], team["alice"], count=7)
    login(client, "alice")
    response = listing(client, team)
    assert len(titles(response)) == 5
    assert "Page 1 of 2 (8 tasks)" in response.text


def test_a_kept_overdue_list_counts_from_the_day_it_runs(app, build, team, monkeypatch):
    # The list's statements are built once per shape (services/task_list.py); "overdue"
    # compares with a date, which must be today's, not the day the statement was built.
    build.task(team["project"], team["alice"], title="Due today", due_date=today())
    query = tasks.TaskQuery(overdue=True)
    with app.app_context():
        project = db.session.get(Project, team["project"])
        assert [t.title for t in task_list.list_tasks(project, query).items] == []
        tomorrow = today() + timedelta(days=1)
        monkeypatch.setattr("capstone.models.task.today", lambda: tomorrow)
        monkeypatch.setattr("capstone.services.task_list.today", lambda: tomorrow)
        assert [t.title for t in task_list.list_tasks(project, query).items] == ["Due today"]
