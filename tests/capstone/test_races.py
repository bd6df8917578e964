"""Races over real HTTP: many threads at once against a real server, on SQLite and PostgreSQL.

Each test reproduces a race found with a load tool: what one request at a time gets
right must stay right when sixteen arrive together. A unique rule checked in Python and
then inserted is not a rule; the database decides, and the loser gets a clear answer.
"""

from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import OutboundEmail

CLIENTS = 16


def test_sixteen_reset_requests_at_once_are_one_email_and_the_same_answer(app, team):
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
