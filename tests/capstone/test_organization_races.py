"""The last owner under concurrency: two owners demoting each other leave one owner.

As for the last admin (test_admin.py): on SQLite the other demotion is committed just
before ours runs its guarded UPDATE; on PostgreSQL two threads demote at once, each
holding its transaction open after its UPDATE, so only the owners' row locks stop both.
"""

import pytest
from capstone_support.races import committed_just_before
from capstone_support.races import side_by_side
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
        alice_demoted = (
            update(OrganizationMember)
            .where(OrganizationMember.user_id == ids["alice"])
            .values(role="admin")
        )
        with committed_just_before(engine, "UPDATE organization_member", alice_demoted) as raced:
            assert demote(ids["acme"], ids["alice"], ids["olga"]) == "refused"
        assert raced and owners(ids["acme"]) == 1


def test_two_concurrent_demotions_on_postgresql_leave_one_owner(app, two_owners):
    ids = two_owners
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has one writer at a time; the test above races it")

    def run(actor, target):
        with app.app_context():
            return demote(ids["acme"], ids[actor], ids[target])

    outcomes = side_by_side(
        engine,
        "UPDATE organization_member",
        lambda: run("alice", "olga"),
        lambda: run("olga", "alice"),
    )
    assert sorted(outcomes) == ["demoted", "refused"]
    with app.app_context():
        assert owners(ids["acme"]) == 1
