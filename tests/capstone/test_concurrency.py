"""Concurrent writers: eight threads create tasks over real HTTP against one SQLite file.

The app runs on Werkzeug's threaded server on loopback (capstone_support/live.py), so
each request has its own thread, application context and database session. SQLite
allows one writer at a time; WAL mode and the busy timeout (capstone/database.py) make
writers wait their turn instead of failing with "database is locked". Afterwards every
row must be there.
"""

from capstone_support.live import at_once
from capstone_support.live import browser
from capstone_support.live import post_form
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import Task

THREADS = 8
TASKS_PER_THREAD = 10


def test_eight_threads_creating_tasks_lose_nothing(app, team):
    with serving(app) as base:

        def writer(number):
            bob = browser(base, "bob", "correct-horse-battery")
            url = f"{base}/projects/{team['project']}/tasks/new"
            form = {"status": "todo", "priority": "low", "assignee_id": "0"}
            # Redirects are followed: 200 at the task page.
            return [
                post_form(bob, url, {**form, "title": f"w{number}-t{n}"})
                for n in range(TASKS_PER_THREAD)
            ]

        results = at_once(writer, list(range(THREADS)))
    assert all(status == 200 for statuses in results for status in statuses)
    with app.app_context():
        titles = set(db.session.scalars(select(Task.title).where(Task.title.like("w%-t%"))))
        assert len(titles) == THREADS * TASKS_PER_THREAD
        assert (
            db.session.scalar(select(func.count()).select_from(Task))
            == THREADS * TASKS_PER_THREAD + 1
        )
