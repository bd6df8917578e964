"""Live updates over Socket.IO: members hear their project's changes, nobody else hears anything.

Each test logs real users in through the login form, then opens a socket with
Flask-SocketIO's test client carrying that login cookie, as a browser would.
"""

import logging

import pytest
import socketio

from capstone.database import db
from capstone.models import Organization
from capstone.models import Task
from capstone.models import User
from capstone.services.changes import task_changed
from capstone.services.organization_members import remove_member


@pytest.fixture
def sockets(app, login):
    """A function: a socket of a user logged in with their own cookie jar (None: anonymous)."""
    socketio = app.extensions["socketio"]

    def open_socket(username=None):
        browser = app.test_client()
        if username is not None:
            assert login(browser, username).status_code == 303
        socket = socketio.test_client(app, flask_test_client=browser)
        socket.browser = browser  # the same cookies, for HTTP requests of that user
        return socket

    return open_socket


def join(socket, project_id):
    """Ask to follow a project; return the server's answer."""
    return socket.emit("join", {"project_id": project_id}, callback=True)


def events(socket, name):
    """The arguments of the events called `name` received since the last call."""
    return [event["args"][0] for event in socket.get_received() if event["name"] == name]


def test_a_member_hears_a_teammates_change(team, sockets):
    bob = sockets("bob")
    assert join(bob, team["project"]) == {"ok": True}
    alice = sockets("alice")
    alice.browser.post(f"/tasks/{team['task']}/status", data={"status": "review"})
    [event] = events(bob, "task")
    assert event == {
        "project_id": team["project"],
        "task_id": team["task"],
        "action": "moved",
        "actor": "alice",
        "message": "alice moved “Task 1” to Review",
    }


@pytest.mark.parametrize(
    ("path", "data", "action"),
    [
        ("/projects/{project}/tasks/new", {"title": "Ship it", "priority": "low"}, "created"),
        ("/tasks/{task}/status", {"status": "done"}, "completed"),
        ("/tasks/{task}/comments", {"body": "Looks good"}, "commented"),
        (
            "/tasks/{task}/edit",
            {"title": "Renamed", "priority": "low", "status": "todo"},
            "updated",
        ),
    ],
)
def test_every_kind_of_change_is_announced(team, sockets, path, data, action):
    bob = sockets("bob")
    join(bob, team["project"])
    alice = sockets("alice")
    response = alice.browser.post(path.format(**team), data=data)
    assert response.status_code == 303
    assert [event["action"] for event in events(bob, "task")] == [action]


def test_a_change_through_the_api_is_announced_too(team, sockets, client):
    bob = sockets("bob")
    join(bob, team["project"])
    token = client.post(
        "/api/v1/tokens", json={"username": "alice", "password": "correct-horse-battery"}
    ).get_json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    url = f"/api/v1/tasks/{team['task']}"
    client.patch(url, json={"assignee_id": team["alice"]}, headers=headers)
    client.delete(url, headers=headers)
    assert [event["message"] for event in events(bob, "task")] == [
        "alice assigned “Task 1” to alice",
        "alice deleted “Task 1”",
    ]


def test_presence_joined_and_left(team, sockets):
    alice = sockets("alice")
    join(alice, team["project"])
    assert [e["message"] for e in events(alice, "presence")] == ["alice joined"]
    bob = sockets("bob")
    join(bob, team["project"])
    bob.disconnect()
    assert [e["message"] for e in events(alice, "presence")] == ["bob joined", "bob left"]


def test_outsiders_cannot_join_and_hear_nothing(app, build, team, sockets):
    dave = build.user("dave")
    build.project(dave, name="Dave's own")
    carol, dave_socket, root = sockets("carol"), sockets("dave"), sockets("root")
    assert join(carol, team["project"]) == {"ok": False, "error": "There is no such project."}
    assert join(root, team["project"])["ok"] is False  # an admin who is not a member
    join(dave_socket, team["project"] + 1)  # his own project, not the team's
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    for socket in (carol, dave_socket, root):
        assert events(socket, "task") == []
        assert events(socket, "presence") == []  # not even who joined the team's project


def test_an_anonymous_socket_is_refused_and_stays_refused(team, sockets):
    anonymous = sockets()
    assert not anonymous.is_connected()
    anonymous.connect()
    assert not anonymous.is_connected()
    with pytest.raises(RuntimeError):
        join(anonymous, team["project"])
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    with pytest.raises(RuntimeError):
        anonymous.get_received()


@pytest.mark.parametrize("project_id", ["1", None, 2**70, -1, 1.0, [1]])
def test_a_bad_project_id_is_an_answer_not_a_crash(team, sockets, project_id):
    bob = sockets("bob")
    assert bob.emit("join", {"project_id": project_id}, callback=True)["ok"] is False
    assert bob.emit("join", "not a dict", callback=True)["ok"] is False
    assert bob.is_connected()


def test_a_removed_member_stops_hearing_at_once(team, sockets):
    bob = sockets("bob")
    join(bob, team["project"])
    alice = sockets("alice")
    alice.browser.post(f"/projects/{team['project']}/members/{team['bob']}/remove")
    bob.get_received()
    alice.browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert events(bob, "task") == []


def test_logging_out_silences_the_sockets_of_that_session(team, sockets):
    bob = sockets("bob")
    join(bob, team["project"])
    bob.browser.post("/auth/logout")
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert events(bob, "task") == []
    assert join(bob, team["project"])["ok"] is False  # and it cannot join again


def test_a_rejected_change_announces_nothing(team, sockets):
    bob = sockets("bob")
    join(bob, team["project"])
    response = sockets("alice").browser.post(
        f"/tasks/{team['task']}/status", data={"status": "nonsense"}
    )
    assert response.status_code == 400
    assert events(bob, "task") == []


def test_a_project_without_active_members_is_never_a_broadcast(app, build, sockets):
    """Socket.IO sends an event with no rooms to everyone: the announcement must not."""
    owner = build.user("owner")
    task_id = build.task(build.project(owner), owner)
    build.user("stranger")
    stranger = sockets("stranger")
    with app.app_context():
        user = db.session.get(User, owner)
        user.active = False
        task_changed("updated", db.session.get(Task, task_id), user)
        db.session.commit()
    assert stranger.get_received() == []


def test_a_failing_announcement_never_fails_the_request(app, team, sockets, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise ConnectionError("the message queue is down")

    monkeypatch.setattr(app.extensions["socketio"], "emit", broken)
    alice = sockets("alice")
    with caplog.at_level(logging.ERROR):
        response = alice.browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert response.status_code == 303
    assert "the message queue is down" in caplog.text
    with app.app_context():
        assert db.session.get(Task, team["task"]).status == "done"


def test_an_inactive_member_hears_nothing_even_with_a_live_session(app, team, sockets):
    """Deactivation ends sessions too; this checks the second lock on its own."""
    bob = sockets("bob")
    join(bob, team["project"])
    with app.app_context():
        db.session.get(User, team["bob"]).active = False  # the session token is unchanged
        db.session.commit()
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert events(bob, "task") == []


def test_deactivation_by_an_admin_silences_the_users_sockets(team, sockets):
    bob = sockets("bob")
    join(bob, team["project"])
    bob.get_received()
    root = sockets("root")
    root.browser.post(f"/admin/users/{team['bob']}/active", data={"active": "no"})
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert events(bob, "task") == []
    assert join(bob, team["project"])["ok"] is False


def test_redis_url_makes_processes_share_events(app_config, make_app):
    """With REDIS_URL, emits go through Redis to every process (nothing connects until used)."""
    app = make_app({**app_config, "REDIS_URL": "redis://127.0.0.1:6379/15"})
    manager = app.extensions["socketio"].server.manager
    assert isinstance(manager, socketio.RedisManager)
    assert manager.channel == "flask-socketio"


def test_sockets_from_another_site_are_refused(client):
    """The Origin check is the socket's CSRF protection.

    Another site's page may not open a socket that carries the user's cookie.
    """
    handshake = "/socket.io/?EIO=4&transport=polling"
    assert client.get(handshake, headers={"Origin": "http://localhost"}).status_code == 200
    refused = client.get(handshake, headers={"Origin": "https://evil.example"})
    assert refused.status_code == 400


def test_leaving_the_organization_tells_the_open_pages_of_its_projects(app, team, sockets):
    bob = sockets("bob")
    join(bob, team["project"])
    bob.get_received()
    with app.app_context():
        organization = db.session.get(Organization, team["organization"])
        remove_member(db.session.get(User, team["alice"]), organization, team["bob"])
    assert events(bob, "removed") == [
        {"project_id": team["project"], "message": "You are no longer a member of this project."}
    ]
    sockets("alice").browser.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert events(bob, "task") == []
