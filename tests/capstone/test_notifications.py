"""Notifications: assignment (in the app, and by email to verified addresses) and comments."""

import re

from sqlalchemy import select

from capstone.database import db
from capstone.models import Notification
from capstone.models import Project
from capstone.models import User


def notes_of(app, user_id):
    """(kind, message) of a user's notifications, oldest first."""
    with app.app_context():
        rows = db.session.scalars(
            select(Notification).where(Notification.user_id == user_id).order_by(Notification.id)
        )
        return [(note.kind, note.message) for note in rows]


def assign(client, task_id, assignee_id, title="Task 1"):
    """Edit a task through the form, assigning it."""
    form = {"title": title, "status": "todo", "priority": "medium", "assignee_id": assignee_id}
    return client.post(f"/tasks/{task_id}/edit", data=form)


def test_assigning_a_task_notifies_the_assignee_in_the_app_and_by_email(
    app, client, login, team, mailbox
):
    login(client, "bob")
    assert assign(client, team["task"], team["alice"]).status_code == 303
    assert notes_of(app, team["alice"]) == [("assigned", "bob assigned you “Task 1”.")]
    [message] = mailbox.to("alice@example.org")
    assert message["Subject"] == "bob assigned you a task: Task 1"
    assert f"http://127.0.0.1:5000/tasks/{team['task']}" in message.get_content()


def test_nobody_is_notified_of_their_own_assignment(app, client, login, team, mailbox):
    login(client, "alice")
    assign(client, team["task"], team["alice"])
    assert notes_of(app, team["alice"]) == []
    assert mailbox.messages == []


def test_an_unverified_address_gets_the_notification_but_no_email(
    app, client, login, build, team, mailbox
):
    dan = build.user("dan", verified=False)
    with app.app_context():
        project = db.session.get(Project, team["project"])
        project.members.append(db.session.get(User, dan))
        db.session.commit()
    login(client, "alice")
    assign(client, team["task"], dan)
    assert [kind for kind, _ in notes_of(app, dan)] == ["assigned"]
    assert mailbox.messages == []


def test_a_new_task_assigned_at_creation_notifies(app, client, login, team, mailbox):
    login(client, "alice")
    form = {"title": "Fresh", "status": "todo", "priority": "high", "assignee_id": team["bob"]}
    client.post(f"/projects/{team['project']}/tasks/new", data=form)
    assert ("assigned", "alice assigned you “Fresh”.") in notes_of(app, team["bob"])
    assert len(mailbox.to("bob@example.org")) == 1


def test_a_comment_notifies_the_assignee_and_the_creator_but_not_the_author(
    app, client, login, team
):
    login(client, "bob")  # bob is the assignee; alice created the task
    client.post(f"/tasks/{team['task']}/comments", data={"body": "On it."})
    assert notes_of(app, team["alice"]) == [("commented", "bob commented on “Task 1”.")]
    assert notes_of(app, team["bob"]) == []


def unread_badge(client):
    """The unread count shown in the navigation, or None."""
    found = re.search(
        r'<span class="badge" aria-label="(\d+) unread">', client.get("/dashboard").text
    )
    return int(found.group(1)) if found else None


def test_the_navigation_shows_the_unread_count_and_reading_clears_it(app, client, login, team):
    login(client, "bob")
    client.post(f"/tasks/{team['task']}/comments", data={"body": "x"})
    client.post(f"/tasks/{team['task']}/comments", data={"body": "y"})
    client.post("/auth/logout")
    login(client, "alice")
    assert unread_badge(client) == 2
    page = client.get("/notifications").text
    first = re.search(r'action="/notifications/(\d+)/read"', page).group(1)
    response = client.post(f"/notifications/{first}/read")
    assert response.headers["Location"] == f"/tasks/{team['task']}"
    assert unread_badge(client) == 1
    client.post("/notifications/read")
    assert unread_badge(client) is None


def test_someone_elses_notification_is_not_found(app, client, login, team):
    login(client, "bob")
    client.post(f"/tasks/{team['task']}/comments", data={"body": "x"})
    with app.app_context():
        note_id = db.session.scalar(select(Notification.id))
    assert client.post(f"/notifications/{note_id}/read").status_code == 404
    assert client.get("/notifications?page=x").status_code == 400
