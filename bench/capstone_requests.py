"""The capstone's requests measured in-process: p50 latency and SQL statements per request.

In-process (Flask's test client, no server) isolates what grows with the data, the
queries, from the server's and the kernel's share, which does not.
"""

import statistics
import time
from contextlib import contextmanager

from sqlalchemy import event

from bench.capstone_data import PASSWORD
from bench.capstone_data import settings
from capstone import create_app
from capstone.database import db


def endpoints(project_id, assignee_id):
    """Name -> path of what is measured (the API ones need the token; the dashboard a login)."""
    tasks = f"/api/v1/projects/{project_id}/tasks"
    return {
        "task list": f"{tasks}?per_page=20",
        "filtered list": f"{tasks}?status=todo&assignee_id={assignee_id}&sort=due_date&per_page=20",
        "task detail": "/api/v1/tasks/1",
        "dashboard": "/dashboard",
    }


@contextmanager
def logged_in_client(database_path):
    """A test client of an app on the benchmark database, logged in, with an API token."""
    app = create_app(settings(database_path))
    client = app.test_client()
    client.post("/auth/login", data={"username": "bench", "password": PASSWORD})
    answer = client.post("/api/v1/tokens", json={"username": "bench", "password": PASSWORD})
    client.environ_base["HTTP_AUTHORIZATION"] = "Bearer " + answer.get_json()["access_token"]
    try:
        yield app, client
    finally:
        with app.app_context():
            db.engine.dispose()


def p50_ms(client, path, requests=60):
    """The median time of `requests` GETs of `path`, in milliseconds (after one warm-up)."""
    get(client, path)
    times = []
    for _ in range(requests):
        start = time.perf_counter()
        get(client, path)
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def get(client, path):
    """GET `path`; any answer but 200 stops the benchmark (it would measure an error page)."""
    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return response


def statements(app, client, path):
    """How many SQL statements one GET of `path` sends."""
    sent = []

    def count(*args):
        sent.append(1)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        get(client, path)
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(sent)
