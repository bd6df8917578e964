"""Migration 0012 moves a populated database into organizations, and everyone sees the same.

The database is filled at revision 0011 (before organizations existed) with plain SQL
rows, what each user could see then is read by the rule of that time (admins every
project, others the projects they are members of), and after the upgrade the head's
own access rules must give exactly that again. SQLite or PostgreSQL (TEST_DATABASE_URL).
"""

import contextlib

import pytest
import sqlalchemy as sa
from sqlalchemy import select
from werkzeug.exceptions import NotFound

from capstone import migrate
from capstone.database import db
from capstone.models import Organization
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models import project_member
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow
from capstone.services import access

BEFORE = "0011_project_versions"
# The project table as it was at BEFORE (the model now has organization_id).
OLD_PROJECT = sa.table(
    "project",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("description", sa.Text),
    sa.column("owner_id", sa.Integer),
    sa.column("created_at", UTCDateTime),
    sa.column("updated_at", UTCDateTime),
)
USERS = {"alice": "member", "bob": "member", "carol": "member", "dave": "member", "root": "admin"}
# project: (owner, other members); dave is in nothing, root is an admin in nothing.
PROJECTS = {
    "Apollo": ("alice", ["bob"]),
    "Gemini": ("bob", ["alice", "carol"]),
    "Solo": ("alice", []),
}


def fill(connection):
    """Users, projects, members and two tasks per project, as rows of revision BEFORE."""
    now = utcnow()
    ids = {}
    for number, (name, role) in enumerate(USERS.items(), start=1):
        connection.execute(
            sa.insert(User.__table__).values(
                id=number,
                username=name,
                email=f"{name}@example.org",
                username_key=name,
                email_key=f"{name}@example.org",
                password_hash="x",
                role=role,
                active=True,
                session_token=name,
                created_at=now,
                updated_at=now,
            )
        )
        ids[name] = number
    for number, (name, (owner, others)) in enumerate(PROJECTS.items(), start=1):
        connection.execute(
            OLD_PROJECT.insert().values(
                id=number,
                name=name,
                description="",
                owner_id=ids[owner],
                created_at=now,
                updated_at=now,
            )
        )
        for member in (owner, *others):
            connection.execute(
                project_member.insert().values(project_id=number, user_id=ids[member])
            )
        for title in ("first", "second"):
            connection.execute(
                sa.insert(Task.__table__).values(
                    project_id=number,
                    title=f"{name} {title}",
                    description="",
                    status="todo",
                    priority="medium",
                    creator_id=ids[owner],
                    assignee_id=ids[others[0]] if others else None,
                    created_at=now,
                    updated_at=now,
                )
            )
    if connection.dialect.name == "postgresql":  # explicit ids leave the sequences behind
        for table in (User.__table__, OLD_PROJECT):
            sequence = sa.func.pg_get_serial_sequence(f'"{table.name}"', "id")
            connection.execute(sa.select(sa.func.setval(sequence, sa.func.max(table.c.id))))
    return ids


def seen_before(connection):
    """{username: (project ids, task ids)} by the access rule of revision BEFORE."""
    seen = {}
    for user_id, name, role in connection.execute(sa.text('SELECT id, username, role FROM "user"')):
        projects = sa.select(OLD_PROJECT.c.id)
        if role != "admin":
            projects = projects.join(
                project_member, project_member.c.project_id == OLD_PROJECT.c.id
            )
            projects = projects.where(project_member.c.user_id == user_id)
        project_ids = set(connection.scalars(projects))
        tasks = sa.select(Task.__table__.c.id).where(Task.__table__.c.project_id.in_(project_ids))
        seen[name] = (project_ids, set(connection.scalars(tasks)))
    return seen


def seen_now():
    """{username: (project ids, task ids)} by the head's access rules."""
    seen = {}
    for user in db.session.scalars(select(User)):
        project_ids = set(
            db.session.scalars(access.visible_projects(user).with_only_columns(Project.id))
        )
        task_ids = set()
        for task_id in db.session.scalars(select(Task.id)):
            with contextlib.suppress(NotFound):
                task_ids.add(access.task_for(user, task_id).id)
        seen[user.username] = (project_ids, task_ids)
    return seen


@pytest.fixture
def upgraded(fresh_app):
    """The fresh app's database filled at BEFORE, what each user saw, then upgraded to head."""
    with fresh_app.app_context():
        migrate.upgrade(BEFORE)
        with db.engine.begin() as connection:
            fill(connection)
            before = seen_before(connection)
        migrate.upgrade()
        yield before


def test_everyone_sees_exactly_the_projects_and_tasks_they_saw_before(upgraded):
    assert seen_now() == upgraded
    assert upgraded["dave"] == (set(), set()) and len(upgraded["root"][1]) == 6  # not vacuous


def test_every_user_owns_one_personal_organization_holding_their_projects(upgraded):
    for user in db.session.scalars(select(User)):
        personal = db.session.scalars(
            select(Organization).where(Organization.personal_user_id == user.id)
        ).one()
        assert personal.name == user.username and personal.personal and personal.plan == "free"
        assert {(m.user_id, m.role) for m in personal.memberships} >= {(user.id, "owner")}
    for project in db.session.scalars(select(Project)):
        assert project.organization.personal_user_id == project.owner_id


def test_project_members_become_members_of_the_owners_organization(upgraded):
    roles = {
        (org.name, member.user.username): member.role
        for org in db.session.scalars(select(Organization))
        for member in org.memberships
    }
    assert roles == {
        ("alice", "alice"): "owner",
        ("alice", "bob"): "member",
        ("bob", "bob"): "owner",
        ("bob", "alice"): "member",
        ("bob", "carol"): "member",
        ("carol", "carol"): "owner",
        ("dave", "dave"): "owner",
        ("root", "root"): "owner",
    }


def test_a_new_project_needs_an_organization(upgraded):
    owner = db.session.scalars(select(User)).first()
    db.session.add(Project(name="Orphan", owner=owner))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
    db.session.rollback()


def test_downgrading_keeps_every_project_member_and_task(upgraded):
    db.session.close()
    migrate.downgrade(BEFORE)
    with db.engine.connect() as connection:
        assert seen_before(connection) == upgraded
        assert "organization" not in sa.inspect(connection).get_table_names()
