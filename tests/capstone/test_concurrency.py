"""Concurrent writers: eight threads create tasks over real HTTP against one SQLite file.

The app runs on Werkzeug's threaded server on loopback, so each request has its own
thread, application context and database session. SQLite allows one writer at a time;
WAL mode and the busy timeout (capstone/database.py) make writers wait their turn
instead of failing with "database is locked". Afterwards every row must be there.
"""

import http.cookiejar
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import func
from sqlalchemy import select
from werkzeug.serving import make_server

from capstone.database import db
from capstone.models import Task

THREADS = 8
TASKS_PER_THREAD = 10


def test_eight_threads_creating_tasks_lose_nothing(app, team):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() returns within 50 ms instead of 500.
    serving = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    )
    serving.start()
    base = f"http://127.0.0.1:{server.server_port}"

    def writer(number):
        cookies = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
        login = urllib.parse.urlencode(
            {"username": "bob", "password": "correct-horse-battery"}
        ).encode()
        opener.open(f"{base}/auth/login", login, timeout=30).close()
        statuses = []
        for n in range(TASKS_PER_THREAD):
            form = {
                "title": f"w{number}-t{n}",
                "status": "todo",
                "priority": "low",
                "assignee_id": "0",
            }
            with opener.open(
                f"{base}/projects/{team['project']}/tasks/new",
                urllib.parse.urlencode(form).encode(),
                timeout=30,
            ) as response:
                statuses.append(response.status)  # redirects are followed: 200 at the task page
        return statuses

    try:
        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            results = list(pool.map(writer, range(THREADS)))
    finally:
        server.shutdown()
        server.server_close()
    assert all(status == 200 for statuses in results for status in statuses)
    with app.app_context():
        titles = set(db.session.scalars(select(Task.title).where(Task.title.like("w%-t%"))))
        assert len(titles) == THREADS * TASKS_PER_THREAD
        assert (
            db.session.scalar(select(func.count()).select_from(Task))
            == THREADS * TASKS_PER_THREAD + 1
        )
