"""The last owner under concurrency: two owners demoting each other leave one owner.

As for the last admin (test_admin.py): on SQLite the other demotion is committed just
before ours runs its guarded UPDATE; on PostgreSQL two threads demote at once, each
holding its transaction open after its UPDATE, so only the owners' row locks stop both.
"""

import contextlib
import threading

import pytest
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from werkzeug.exceptions import Conflict

from capstone.database import db
from capstone.models import Organization
from capstone.models import OrganizationMember
from capstone.models import User
from capstone.services.organization_members import change_role


def owners(organization_id):
    """How many owners the organization has, as committed."""
    return db.session.scalar(
        select(func.count()).where(
            OrganizationMember.organization_id == organization_id,
            OrganizationMember.role == "owner",
        )
    )


def demote(organization_id, actor_id, target_id):
    """`actor_id` makes `target_id` an admin; 'demoted' or 'refused'."""
    actor, target = db.session.get(User, actor_id), db.session.get(User, target_id)
    try:
        change_role(actor, db.session.get(Organization, organization_id), target.id, "admin")
    except Conflict:
        return "refused"
    return "demoted"


@pytest.fixture
def two_owners(build, acme):
    """The acme organization, with olga (its admin) made a second owner."""
    with build.app.app_context():
        db.session.execute(
            update(OrganizationMember)
            .where(OrganizationMember.user_id == acme["olga"])
            .values(role="owner")
        )
        db.session.commit()
    return acme


def test_a_demotion_committed_first_on_sqlite_makes_ours_refused(app, two_owners):
    ids = two_owners
    with app.app_context():
        engine = db.engine
        if engine.dialect.name != "sqlite":
            pytest.skip("elsewhere, the owners' row locks make the other demotion wait instead")
        raced = []

        def other_request_commits_first(conn, cursor, statement, *args):
            if statement.startswith("UPDATE organization_member") and not raced:
                raced.append(statement)
                with engine.begin() as elsewhere:
                    elsewhere.execute(
                        update(OrganizationMember)
                        .where(OrganizationMember.user_id == ids["alice"])
                        .values(role="admin")
                    )

        event.listen(engine, "before_cursor_execute", other_request_commits_first)
        try:
            assert demote(ids["acme"], ids["alice"], ids["olga"]) == "refused"
        finally:
            event.remove(engine, "before_cursor_execute", other_request_commits_first)
        assert raced and owners(ids["acme"]) == 1


def test_two_concurrent_demotions_on_postgresql_leave_one_owner(app, two_owners):
    ids = two_owners
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the test above races it")
    both_updated = threading.Barrier(2, timeout=2)

    def hold_after_update(conn, cursor, statement, *args):
        if statement.startswith("UPDATE organization_member"):
            with contextlib.suppress(threading.BrokenBarrierError):
                both_updated.wait()  # with the locks, the other is stuck before its UPDATE

    outcomes = []

    def run(actor, target):
        with app.app_context():
            outcomes.append(demote(ids["acme"], ids[actor], ids[target]))

    event.listen(engine, "after_cursor_execute", hold_after_update)
    try:
        threads = [
            threading.Thread(target=run, args=("alice", "olga")),
            threading.Thread(target=run, args=("olga", "alice")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        event.remove(engine, "after_cursor_execute", hold_after_update)
    assert sorted(outcomes) == ["demoted", "refused"]
    with app.app_context():
        assert owners(ids["acme"]) == 1
