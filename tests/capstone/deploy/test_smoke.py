"""A team works through the production topology: nginx ▶ gunicorn (2 workers) ▶ PostgreSQL, Redis.

The stack is conftest.py's, started as the deployment README says. Registering, logging
in, a project and a task through nginx; static files that gunicorn never sees; a live
event crossing gunicorn's workers through Redis.
"""

import json
import re
import time

import pytest
import requests
import socketio
from capstone_support.servers import pids_of

PASSWORD = "a-smoke-test-password"
MAX_SOCKETS = 40
# The stack is one per pytest-xdist worker: its tests stay on one worker.
pytestmark = pytest.mark.xdist_group("smoke-stack")


def web_login(base, username):
    """A requests session logged in through the login form, CSRF token and all."""
    browser = requests.Session()
    form = browser.get(f"{base}/auth/login").text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form).group(1)
    answer = browser.post(
        f"{base}/auth/login",
        data={"csrf_token": token, "username": username, "password": PASSWORD},
        allow_redirects=False,
    )
    assert answer.status_code == 303, answer.text
    return browser


def api(base, token=None):
    """A requests session that sends a bearer token."""
    session = requests.Session()
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    return session


@pytest.fixture(scope="module")
def team(stack):
    """Alice and bob registered over HTTP; alice's project with bob in it, and a task."""
    base = stack.base
    ids, tokens = {}, {}
    for name in ("alice", "bob"):
        answer = api(base).post(
            f"{base}/api/v1/users",
            json={"username": name, "email": f"{name}@example.org", "password": PASSWORD},
        )
        assert answer.status_code == 202, answer.text + "\n" + stack.log.read_text()[-5000:]
        login = {"username": name, "password": PASSWORD}
        token = api(base).post(f"{base}/api/v1/tokens", json=login).json()["access_token"]
        ids[name] = api(base, token).get(f"{base}/api/v1/me").json()["id"]
        tokens[name] = token
    alice = api(base, tokens["alice"])
    project = alice.post(f"{base}/api/v1/projects", json={"name": "Smoke"}).json()
    answer = alice.post(
        f"{base}/api/v1/projects/{project['id']}/members", json={"user_id": ids["bob"]}
    )
    assert answer.status_code == 201, answer.text
    task = alice.post(f"{base}/api/v1/projects/{project['id']}/tasks", json={"title": "Ship"})
    assert task.status_code == 201, task.text
    return {**ids, "alice_api": alice, "project": project["id"], "task": task.json()["id"]}


def test_a_team_works_through_nginx(stack, team):
    base = stack.base
    alice = web_login(base, "alice")
    board = alice.get(f"{base}/projects/{team['project']}")
    assert board.status_code == 200 and "Ship" in board.text
    assert board.headers["Server"] == "nginx"
    assert "Strict-Transport-Security" not in board.headers  # plain HTTP: no HSTS
    task = team["alice_api"].get(f"{base}/api/v1/tasks/{team['task']}").json()
    assert task["title"] == "Ship" and task["status"] == "todo"


def test_static_files_are_served_by_nginx(stack):
    base, log = stack.base, stack.log
    answer = requests.get(f"{base}/static/style.css", timeout=10)
    assert answer.status_code == 200 and "--accent" in answer.text
    assert answer.headers["Cache-Control"] == "max-age=3600, public"  # nginx's; Flask says no-cache
    assert "/static/style.css" not in log.read_text()  # gunicorn never saw it


def pids_logging(log, message):
    """The pids of the app's JSON log lines (capstone/logs.py) with this message."""
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    return {entry["pid"] for entry in map(json.loads, lines) if entry["message"] == message}


def test_a_live_event_crosses_gunicorn_workers_through_redis(stack, team):
    """Sockets of bob on both workers all hear alice's change, made on one of them."""
    base, log = stack.base, stack.log
    cookies = "; ".join(f"{k}={v}" for k, v in web_login(base, "bob").cookies.items())
    joined = f"bob follows project {team['project']} live"
    sockets, heard = [], {}
    # Which worker accepts a connection is the kernel's choice: open sockets until both
    # workers hold some (each join is logged with the worker's pid).
    while len(pids_logging(log, joined)) < 2 and len(sockets) < MAX_SOCKETS:
        number, client = len(sockets), socketio.Client(reconnection=False)
        client.on("task", lambda event, number=number: heard.setdefault(number, event))
        client.connect(base, headers={"Cookie": cookies}, transports=["websocket"])
        assert client.call("join", {"project_id": team["project"]}, timeout=10) == {"ok": True}
        sockets.append(client)
    socket_pids = pids_logging(log, joined)
    try:
        assert len(socket_pids) == 2, f"{len(sockets)} sockets, all on the worker {socket_pids}"
        answer = team["alice_api"].post(f"{base}/api/v1/tasks/{team['task']}/complete")
        assert answer.status_code == 200
        deadline = time.monotonic() + 10
        while len(heard) < len(sockets) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        for client in sockets:
            client.disconnect()
    assert sorted(heard) == list(range(len(sockets))), "some sockets heard nothing"
    assert {event["action"] for event in heard.values()} == {"completed"}
    [changed_on] = pids_of(log, rf"POST /api/v1/tasks/{team['task']}/complete")
    assert socket_pids - {changed_on}, "no socket was on the other worker"
