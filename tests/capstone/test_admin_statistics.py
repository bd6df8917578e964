"""The site statistics: right against known data, in a fixed number of queries, drawn as SVG."""

from datetime import date
from datetime import timedelta

from capstone.admin.chart import bar_chart
from capstone.database import db
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.task import today
from capstone.services.statistics import completed_per_week
from capstone.services.statistics import site_statistics
from capstone.services.statistics import week_starts


def test_week_starts_are_the_last_twelve_mondays():
    weeks = week_starts(date(2026, 11, 22))  # a Sunday
    assert len(weeks) == 12
    assert weeks[-1] == date(2026, 11, 16)
    assert weeks[0] == date(2026, 8, 31)
    assert all(day.weekday() == 0 for day in weeks)


def test_the_numbers_match_known_data(app, build, team):
    now = utcnow()
    this_monday = week_starts()[-1]
    build.user("dave", active=False)
    build.user("frank", role="admin", active=False)  # not counted among the admins
    build.user("erin", role="admin")
    build.project(team["alice"], name="Second")
    project, alice = team["project"], team["alice"]
    build.tasks(project, alice, 2, status="done", completed_at=now)  # this week
    build.task(project, alice, status="done", completed_at=now - timedelta(weeks=1))
    build.task(project, alice, status="done", completed_at=now - timedelta(weeks=13))  # too old
    build.task(project, alice, status="review", due_date=today() - timedelta(days=1))  # overdue
    build.task(project, alice, status="done", completed_at=now, archived_at=now)
    with app.app_context():
        stats = site_statistics()
    assert (stats.users, stats.active_users, stats.admins, stats.projects) == (7, 5, 2, 2)
    assert stats.tasks_by_status == {"todo": 1, "in_progress": 0, "review": 1, "done": 4}
    assert (stats.overdue, stats.archived) == (1, 1)
    weeks = dict(stats.completed_per_week)
    assert len(weeks) == 12
    assert weeks[this_monday] == 3  # the archived task was completed this week too
    assert weeks[this_monday - timedelta(weeks=1)] == 1
    assert sum(weeks.values()) == 4


def test_an_empty_site_has_zeros_not_errors(app):
    with app.app_context():
        stats = site_statistics()
        weeks = completed_per_week()
    assert (stats.users, stats.projects, stats.overdue, stats.archived) == (0, 0, 0, 0)
    assert set(stats.tasks_by_status.values()) == {0}
    assert [count for _, count in weeks] == [0] * 12


def statements_for_overview(client, count_queries):
    with count_queries() as statements:
        assert client.get("/admin/").status_code == 200
    return len(statements)


def test_the_statistics_page_sends_the_same_queries_however_much_data(
    app, build, client, login, team, count_queries
):
    login(client, "root")
    small = statements_for_overview(client, count_queries)
    for n in range(10):
        owner = build.user(f"user{n}")
        project = build.project(owner, name=f"P{n}")
        build.tasks(project, owner, 30, status="done", completed_at=utcnow())
    with app.app_context():
        db.session.get(User, team["bob"]).active = False
        db.session.commit()
    assert statements_for_overview(client, count_queries) == small


def test_the_chart_shows_each_week(client, login, team, build):
    build.tasks(team["project"], team["alice"], 3, status="done", completed_at=utcnow())
    login(client, "root")
    page = client.get("/admin/").text
    assert page.count("<rect ") == 12
    label = week_starts()[-1].strftime("%d %b")
    assert f"<title>Week of {label}: 3 completed</title>" in page
    assert 'role="img"' in page


def test_bars_scale_to_the_highest_value():
    bars = bar_chart([("a", 0), ("b", 5), ("c", 10)], width=300, height=160)
    assert [bar.value for bar in bars] == [0, 5, 10]
    assert bars[0].height == 0
    assert bars[2].height == 2 * bars[1].height == 100  # 160 minus the room for labels
    assert bars[2].y == 20  # the top, below the room for its number
    assert bars[0].x < bars[1].x < bars[2].x
    assert all(bar.x + bar.width <= 300 for bar in bars)


def test_a_chart_of_zeros_or_of_nothing_is_flat():
    assert {bar.height for bar in bar_chart([("a", 0), ("b", 0)])} == {0}
    assert bar_chart([]) == []
