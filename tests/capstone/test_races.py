"""Races over real HTTP: many threads at once against a real server, on SQLite and PostgreSQL.

Each test reproduces a race found with a load tool: what one request at a time gets
right must stay right when sixteen arrive together. A unique rule checked in Python and
then inserted is not a rule; the database decides, and the loser gets a clear answer.
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace

from capstone_support.counts import counted
from capstone_support.counts import kept
from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import browser
from capstone_support.live import post_form
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from capstone.database import db
from capstone.models import OutboundEmail
from capstone.services import account_links

CLIENTS = 16
PASSWORD = "correct-horse-battery"  # every test user's (conftest.py)


def test_sixteen_reset_requests_at_once_are_one_email_and_the_same_answer(app, team, monkeypatch):
    # One 5-minute window for all sixteen, whenever the test runs.
    monkeypatch.setattr(account_links, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    with serving(app) as base:
        answers = at_once(
            lambda n: api(base, "POST", "/api/v1/password-reset", {"username": "bob"}),
            range(CLIENTS),
        )
        unknown = api(base, "POST", "/api/v1/password-reset", {"username": "nobody-here"})
    assert answers == [unknown] * CLIENTS  # all 202, and no hint that bob exists
    assert unknown[0] == 202
    with app.app_context():
        keys = db.session.scalars(select(OutboundEmail.key)).all()
        assert len([key for key in keys if key.startswith("reset:")]) == 1
        assert db.session.scalar(select(func.count()).select_from(OutboundEmail)) == 1


MOVERS = 8  # half move their task todo -> done, half done -> todo, at the same moments
MOVES = 40
READERS = 2
MAX_LISTS = 1000  # a reader's bound, should the movers never finish


def test_opposite_moves_at_once_never_fail_and_lists_agree_with_their_totals(app, build, team):
    # The API movers act as bob, a member; the web movers as alice, the owner.
    project, alice = team["project"], team["alice"]
    starts = ["todo" if n % 2 == 0 else "done" for n in range(MOVERS)]
    mine = [build.task(project, alice, title=f"mover {n}", status=starts[n]) for n in range(MOVERS)]
    build.tasks(project, alice, 30, status="todo")  # readers page through more than the movers
    done_moving = threading.Event()

    with serving(app) as base:
        token = api(base, "POST", "/api/v1/tokens", {"username": "bob", "password": PASSWORD})[1]
        bearer = token["access_token"]

        def mover(n):
            """Flip task n between todo and done: through the API, or the board's Move form."""
            web = browser(base, "alice", PASSWORD) if n >= MOVERS // 2 else None
            statuses, status = [], starts[n]
            for _ in range(MOVES):
                status = "done" if status == "todo" else "todo"
                if web:
                    url = f"{base}/tasks/{mine[n]}/status"
                    statuses.append(post_form(web, url, {"status": status, "back": "board"}))
                else:
                    path = f"/tasks/{mine[n]}"
                    answer = api(base, "PATCH", f"/api/v1{path}", {"status": status}, bearer)
                    statuses.append(answer[0])
            return statuses

        def reader(n):
            """List the todo column until the movers stop; every page must match its total."""
            wrong, lists = [], 0
            while (not done_moving.is_set() or lists == 0) and lists < MAX_LISTS:
                path = f"/api/v1/projects/{project}/tasks?status=todo&per_page=100"
                status, page = api(base, "GET", path, token=bearer)
                lists += 1
                if status != 200 or len(page["tasks"]) != page["pagination"]["total"]:
                    wrong.append((status, page and len(page["tasks"]), page and page["pagination"]))
            return wrong, lists

        with ThreadPoolExecutor(max_workers=READERS) as readers:
            reading = [readers.submit(reader, n) for n in range(READERS)]
            try:
                moved = at_once(mover, list(range(MOVERS)))
            finally:
                done_moving.set()
            read = [future.result(timeout=60) for future in reading]

    assert [set(statuses) for statuses in moved] == [{200}] * MOVERS
    assert [wrong for wrong, lists in read] == [[]] * READERS
    assert kept(app) == counted(app)


class Deadlock(Exception):
    """What psycopg raises when PostgreSQL breaks a deadlock (SQLSTATE 40P01)."""

    sqlstate = "40P01"


def test_a_transaction_the_database_gave_up_on_is_a_503_to_retry(
    app, client, login, team, monkeypatch, caplog
):
    def deadlocked(*args, **kwargs):
        raise OperationalError("UPDATE task_count ...", {}, Deadlock("deadlock detected"))

    monkeypatch.setattr("capstone.services.tasks.update_task", deadlocked)
    url = f"/api/v1/tasks/{team['task']}"
    token = client.post("/api/v1/tokens", json={"username": "bob", "password": PASSWORD})
    bearer = {"Authorization": f"Bearer {token.get_json()['access_token']}"}
    answer = client.patch(url, json={"status": "done"}, headers=bearer)
    assert (answer.status_code, answer.headers["Retry-After"]) == (503, "1")
    assert answer.get_json()["error"] == "unavailable"
    login(client, "bob")
    page = client.post(f"/tasks/{team['task']}/status", data={"status": "done"})
    assert (page.status_code, page.mimetype) == (503, "text/html")
    assert "was not saved" in page.text
    assert "deadlock detected" in caplog.text  # one warning line, no traceback
    assert "Traceback" not in caplog.text
