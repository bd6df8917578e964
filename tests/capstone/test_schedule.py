"""The scheduled jobs: the daily digest and the weekly archive, each safe to run twice."""

from datetime import timedelta

from capstone_support.jobs import run_job
from sqlalchemy import select

from capstone.database import db
from capstone.models import Task
from capstone.models.base import utcnow
from capstone.models.task import today


def run(app, name):
    """Run a scheduled job the way beat would have it run (here: eagerly, in-process)."""
    return run_job(app, name)


def test_the_digest_emails_each_person_their_due_and_overdue_tasks_once_a_day(
    app, build, team, mailbox
):
    project, alice, bob = team["project"], team["alice"], team["bob"]
    build.task(project, alice, title="Due today", assignee_id=bob, due_date=today())
    build.task(project, alice, title="Late", assignee_id=bob, due_date=today() - timedelta(days=2))
    build.task(project, alice, title="Tomorrow", assignee_id=bob, due_date=today() + timedelta(1))
    build.task(project, alice, title="Done", assignee_id=bob, due_date=today(), status="done")
    assert run(app, "capstone.send_digests") == 1
    [message] = mailbox.messages
    assert message["To"] == "bob@example.org"
    body = message.get_content()
    assert "- Due today (Apollo)" in body and "- Late (Apollo)" in body
    assert "OVERDUE" in body.split("- Late")[1]
    assert "Tomorrow" not in body and "Done" not in body
    assert run(app, "capstone.send_digests") == 0
    assert len(mailbox.messages) == 1


def test_the_digest_skips_unverified_and_inactive_people(app, build, team, mailbox):
    for name, settings in (("dan", {"verified": False}), ("eve", {"active": False})):
        user = build.user(name, **settings)
        build.task(team["project"], team["alice"], assignee_id=user, due_date=today())
    assert run(app, "capstone.send_digests") == 0
    assert mailbox.messages == []


def test_the_archive_takes_tasks_done_and_untouched_for_90_days(app, build, team):
    old = utcnow() - timedelta(days=91)
    project, alice = team["project"], team["alice"]
    done_long_ago = build.task(
        project, alice, title="Old", status="done", completed_at=old, updated_at=old
    )
    build.task(project, alice, title="Recent", status="done", completed_at=utcnow())
    build.task(project, alice, title="Open", status="todo", updated_at=old)
    assert run(app, "capstone.archive_done_tasks") == 1
    assert run(app, "capstone.archive_done_tasks") == 0
    with app.app_context():
        archived = db.session.scalars(select(Task.id).where(Task.archived_at.is_not(None))).all()
    assert archived == [done_long_ago]


def test_archived_tasks_leave_the_lists_and_can_be_restored(app, client, login, build, team):
    old = utcnow() - timedelta(days=91)
    task = build.task(
        team["project"], team["alice"], title="Old", status="done", completed_at=old, updated_at=old
    )
    run(app, "capstone.archive_done_tasks")
    login(client, "bob")
    tasks_page = f"/projects/{team['project']}/tasks"
    assert "Old" not in client.get(tasks_page).text
    assert "Old" not in client.get(f"/projects/{team['project']}/board").text
    assert ">Old</a>" in client.get(tasks_page, query_string={"archived": "1"}).text
    assert "was archived" in client.get(f"/tasks/{task}").text
    assert client.post(f"/tasks/{task}/restore").status_code == 303
    assert ">Old</a>" in client.get(tasks_page).text
    run(app, "capstone.archive_done_tasks")  # restoring touched it: it stays
    assert ">Old</a>" in client.get(tasks_page).text


def test_only_members_restore(app, client, login, build, team):
    task = build.task(team["project"], team["alice"], archived_at=utcnow(), status="done")
    login(client, "root")  # an admin who is not a member sees it, but cannot restore it
    assert client.post(f"/tasks/{task}/restore").status_code == 403
    outsider = app.test_client()
    login(outsider, "carol")
    assert outsider.post(f"/tasks/{task}/restore").status_code == 404
