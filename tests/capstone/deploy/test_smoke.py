"""The production topology, for real, on loopback: nginx ▶ gunicorn (2 workers) ▶ PostgreSQL, Redis.

Started as the deployment README says, with capstone/deploy/gunicorn.conf.py and
capstone/deploy/nginx.conf (its addresses and paths swapped for loopback ones). Needs
a PostgreSQL server (POSTGRES_URL, or TEST_DATABASE_URL), REDIS_URL and nginx:
`.ci/run` provides all three. On a laptop without them the tests skip, saying what is
missing; under CI they fail.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import time

import pytest
import requests
import socketio
from capstone_support import postgres
from capstone_support.servers import DEPLOY
from capstone_support.servers import start_gunicorn
from capstone_support.servers import wait_until_ready
from harness.servers import free_port
from harness.servers import venv_environ
from harness.stages import ROOT

# A PostgreSQL server where this role may create databases (the test makes its own).
POSTGRES_URL = os.environ.get("POSTGRES_URL") or os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL")
PASSWORD = "a-smoke-test-password"
MAX_SOCKETS = 40
MISSING = [
    what
    for what, present in [
        ("POSTGRES_URL (a PostgreSQL URL)", POSTGRES_URL.startswith("postgresql")),
        ("REDIS_URL", bool(REDIS_URL)),
        ("nginx", shutil.which("nginx") is not None),
    ]
    if not present
]


# One stack for the module: its tests stay on one pytest-xdist worker.
pytestmark = pytest.mark.xdist_group("smoke-stack")


@pytest.fixture(scope="module", autouse=True)
def services_present():
    """Skip without the services, except on CI, where a missing service is a failure."""
    if MISSING:
        reason = "the smoke test needs " + ", ".join(MISSING)
        if os.environ.get("CI") == "true":
            pytest.fail(reason + ": .ci/run should have provided it")
        pytest.skip(reason)


def nginx_config(app_port, nginx_port, folder):
    """deploy/nginx.conf with loopback addresses and this test's folders, checked to apply."""
    text = (DEPLOY / "nginx.conf").read_text()
    swaps = {
        "server web:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{nginx_port};",
        "alias /srv/static/;": f"alias {ROOT / 'capstone' / 'static'}/;",
        "pid /tmp/nginx.pid;": f"pid {folder / 'nginx.pid'};",
    }
    for old, new in swaps.items():
        assert text.count(old) == 1, f"nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    if os.geteuid() == 0:  # CI runs as root; workers must still read the static files
        text = "user root;\n" + text
    return text


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    """Nginx and gunicorn running on a fresh PostgreSQL database; yields (base URL, log path)."""
    folder = tmp_path_factory.mktemp("stack")
    app_port, nginx_port = free_port(), free_port()
    base = f"http://127.0.0.1:{nginx_port}"
    env = {
        **venv_environ(),
        "CAPSTONE_ENV": "production",
        "SECRET_KEY": "smoke-test-secret-key-0123456789abcdef",
        "PUBLIC_URL": base,
        "DATABASE_URL": postgres.fresh_database(POSTGRES_URL, suffix=f"smoke_{os.getpid()}"),
        "REDIS_URL": REDIS_URL,
        "UPLOAD_FOLDER": str(folder / "uploads"),
        "TRUSTED_PROXIES": "1",
        "PORT": str(app_port),
        "WEB_CONCURRENCY": "2",
        "WEB_THREADS": "20",
        # TLS ends in front of nginx in a real deployment; this test speaks plain HTTP.
        "FLASK_SESSION_COOKIE_SECURE": "false",
        "FLASK_REMEMBER_COOKIE_SECURE": "false",
    }
    subprocess.run(
        [sys.executable, "-m", "flask", "--app", "capstone", "init-db"], env=env, check=True
    )
    log = folder / "gunicorn.log"
    config = folder / "nginx.conf"
    config.write_text(nginx_config(app_port, nginx_port, folder))
    with log.open("w") as output:
        gunicorn = start_gunicorn(env, folder, output)
        nginx = subprocess.Popen(
            ["nginx", "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_ready(f"{base}/health/ready", [gunicorn, nginx])
            yield base, log
        finally:
            for process in (nginx, gunicorn):
                process.terminate()
                process.wait(timeout=30)
            print(log.read_text())  # shown by pytest when a test failed


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
    base, _ = stack
    ids = {}
    for name in ("alice", "bob"):
        answer = api(base).post(
            f"{base}/api/v1/users",
            json={"username": name, "email": f"{name}@example.org", "password": PASSWORD},
        )
        assert answer.status_code == 201, answer.text + "\n" + stack[1].read_text()[-5000:]
        ids[name] = answer.json()["id"]
    token = (
        api(base)
        .post(f"{base}/api/v1/tokens", json={"username": "alice", "password": PASSWORD})
        .json()["access_token"]
    )
    alice = api(base, token)
    project = alice.post(f"{base}/api/v1/projects", json={"name": "Smoke"}).json()
    answer = alice.post(
        f"{base}/api/v1/projects/{project['id']}/members", json={"user_id": ids["bob"]}
    )
    assert answer.status_code == 201, answer.text
    task = alice.post(f"{base}/api/v1/projects/{project['id']}/tasks", json={"title": "Ship"})
    assert task.status_code == 201, task.text
    return {**ids, "alice_api": alice, "project": project["id"], "task": task.json()["id"]}


def test_a_team_works_through_nginx(stack, team):
    base, _ = stack
    alice = web_login(base, "alice")
    board = alice.get(f"{base}/projects/{team['project']}")
    assert board.status_code == 200 and "Ship" in board.text
    assert board.headers["Server"] == "nginx"
    task = team["alice_api"].get(f"{base}/api/v1/tasks/{team['task']}").json()
    assert task["title"] == "Ship" and task["status"] == "todo"


def test_static_files_are_served_by_nginx(stack):
    base, log = stack
    answer = requests.get(f"{base}/static/style.css", timeout=10)
    assert answer.status_code == 200 and "--accent" in answer.text
    assert answer.headers["Cache-Control"] == "max-age=3600, public"  # nginx's; Flask says no-cache
    assert "/static/style.css" not in log.read_text()  # gunicorn never saw it


def pids_of(log, pattern):
    """The worker pids of the requests whose access-log line matches `pattern`."""
    return [int(p) for p in re.findall(pattern + r".*? pid=<(\d+)> ", log.read_text())]


def pids_logging(log, message):
    """The pids of the app's JSON log lines (capstone/logs.py) with this message."""
    lines = [line for line in log.read_text().splitlines() if line.startswith("{")]
    return {entry["pid"] for entry in map(json.loads, lines) if entry["message"] == message}


def test_a_live_event_crosses_gunicorn_workers_through_redis(stack, team):
    """Sockets of bob on both workers all hear alice's change, made on one of them."""
    base, log = stack
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
