"""Exercise 5 of tests/exercises/capstone/README.md: a deleted comment is announced live.

A teammate's browser follows the project over Socket.IO (Flask-SocketIO's test client,
carrying the login cookie, as in tests/capstone/test_realtime.py) while a comment is
deleted through the API.
"""

import pytest

hint = pytest.mark.hint
TITLE = "Write the new home page copy"  # in alice's project, with her comment on it


@pytest.fixture
def follow(app, log_in):
    """A function: a socket of `username`, logged in, following the project `project_id`."""

    def socket_of(username, project_id):
        browser = log_in(app.test_client(), username)
        socket = app.extensions["socketio"].test_client(app, flask_test_client=browser)
        assert socket.emit("join", {"project_id": project_id}, callback=True) == {"ok": True}
        socket.get_received()  # what joining sent (presence) is not the point here
        return socket

    return socket_of


def task_events(socket):
    """The "task" events the socket received since the last call."""
    return [event["args"][0] for event in socket.get_received() if event["name"] == "task"]


@pytest.fixture
def comment(api, demo):
    """The id of alice's comment on TITLE."""
    listed = api("alice").get(f"/tasks/{demo['tasks'][TITLE]['id']}/comments").get_json()
    [comment] = listed["comments"]
    return comment["id"]


@hint("delete_comment publishes an event (events.py); realtime/announcements.py tells the room")
def test_5_a_teammate_hears_that_a_comment_was_deleted(api, demo, follow, comment):
    bob = follow("bob", demo["projects"]["Website relaunch"])
    assert api("alice").delete(f"/comments/{comment}").status_code == 204
    assert task_events(bob) == [
        {
            "project_id": demo["projects"]["Website relaunch"],
            "task_id": demo["tasks"][TITLE]["id"],
            "action": "comment_deleted",
            "actor": "alice",
            "message": f"alice deleted a comment on “{TITLE}”",
        }
    ]


@hint("publish after the access rule: a refused deletion (403) sends nothing")
def test_5_a_refused_deletion_sends_nothing(api, demo, follow, comment):
    project = demo["projects"]["Website relaunch"]
    alice = follow("alice", project)
    assert api("bob").delete(f"/comments/{comment}").status_code == 403  # not his, not his project
    assert task_events(alice) == []
    assert api("alice").delete(f"/comments/{comment}").status_code == 204
    assert [event["action"] for event in task_events(alice)] == ["comment_deleted"]
