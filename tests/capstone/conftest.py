"""Fixtures for the capstone, in the style of Flask's tutorial: app, client, runner, and helpers.

Every test has its own SQLite database: the migrations run once per session into a
template file, which each test copies (much faster than migrating every time); apps
are reused between tests with the same settings (see `app`). With TEST_DATABASE_URL
the tests run on PostgreSQL instead (capstone_support/postgres.py). Password hashes
are made once too: scrypt is slow on purpose. CSRF checks are off in most tests, so
forms can be posted directly; test_security.py turns them on and checks them.
"""

import email
import email.policy
import os
import shutil
from contextlib import contextmanager
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from capstone_support import postgres
from harness.servers import free_port
from sqlalchemy import event
from sqlalchemy import make_url
from werkzeug.security import generate_password_hash

from capstone import create_app
from capstone import migrate
from capstone.database import db
from capstone.models import Comment
from capstone.models import Organization
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.task import today
from capstone.services import organizations

PASSWORD = "correct-horse-battery"
# Run the capstone's tests on PostgreSQL instead of SQLite (CI does both).
TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def password_hash():
    """A deliberately cheap hash of PASSWORD for test users (registration still uses scrypt).

    Checking a scrypt hash takes tens of milliseconds by design; the access matrix logs
    in dozens of times. A PBKDF2 hash with few rounds checks in microseconds, and
    check_password_hash accepts either.
    """
    return generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory, worker_id):
    """A database migrated to the latest schema: a SQLite file, or on PostgreSQL a database.

    With TEST_DATABASE_URL (a PostgreSQL URL whose role may create databases), each
    pytest-xdist worker gets a database of its own, made and migrated once.
    """
    if TEST_DATABASE_URL:
        url = postgres.fresh_database(TEST_DATABASE_URL, suffix=worker_id)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.sqlite'}"
    app = create_app({"ENV_NAME": "testing", "DATABASE_URL": url})
    with app.app_context():
        migrate.upgrade()
        db.engine.dispose()
    return url


@pytest.fixture
def fresh_app(tmp_path):
    """An app on a new, empty database: a SQLite file, or on PostgreSQL a new database."""
    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    if TEST_DATABASE_URL:
        url = postgres.fresh_database(TEST_DATABASE_URL, suffix=f"migrations_{os.getpid()}")
    app = create_app({"ENV_NAME": "testing", "DATABASE_URL": url})
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def worker_folder(tmp_path_factory):
    """The pytest worker's folder for the test database and uploads, reused test after test.

    The same paths every time let one app serve many tests (see `app`).
    """
    return tmp_path_factory.mktemp("worker")


@pytest.fixture
def database_url(worker_folder, migrated_database):
    """An empty, migrated database for this test: a copy of the SQLite file, or emptied tables."""
    if migrated_database.startswith("postgresql"):
        postgres.empty_tables(migrated_database)
        return migrated_database
    path = worker_folder / "capstone.sqlite"
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)  # an old WAL file would be replayed into the copy
    shutil.copy(make_url(migrated_database).database, path)
    return f"sqlite:///{path}"


@pytest.fixture
def app_config(worker_folder, database_url):
    """The settings of the test's app; a test may change them before using `app`."""
    uploads = worker_folder / "uploads"
    shutil.rmtree(uploads, ignore_errors=True)
    return {
        "ENV_NAME": "testing",
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "UPLOAD_FOLDER": str(uploads),
        # Whatever the shell says: jobs run in-process, email goes nowhere unless a
        # test sets up its SMTP server (CI exports REDIS_URL for the worker test).
        "REDIS_URL": None,
        "CELERY_BROKER_URL": None,
        "MAIL_SERVER": None,
    }


@pytest.fixture(scope="session")
def built_apps():
    """The apps made so far by this pytest worker, by their settings."""
    apps = {}
    yield apps
    for app in apps.values():
        with app.app_context():
            db.engine.dispose()


def route_count(app):
    """How many URL rules the app has (a test that adds one must not share the app)."""
    return sum(1 for _ in app.url_map.iter_rules())


@pytest.fixture
def app(app_config, built_apps):
    """The app for these settings, on the test's own, fresh database.

    Building an app compiles its ~80 URL rules, about 0.1 s; with 600 tests that was
    a third of the suite's time. So an app is built once per set of settings and
    reused: the database it points to is a fresh copy for every test, its connections
    are closed after each test, and its configuration is put back as it was.
    """
    key = repr(sorted(app_config.items()))
    if key not in built_apps:
        built_apps[key] = create_app(app_config)
    app = built_apps[key]
    config, routes = dict(app.config), route_count(app)
    yield app
    with app.app_context():
        db.engine.dispose()
    app.config.clear()
    app.config.update(config)
    if route_count(app) != routes:
        del built_apps[key]


@pytest.fixture
def make_app():
    """create_app for a test that needs an app of its own; its connections close afterwards."""
    apps = []

    def make(config):
        apps.append(create_app(config))
        return apps[-1]

    yield make
    for app in apps:
        with app.app_context():
            db.engine.dispose()  # PostgreSQL connections left open would warn (an error here)


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def token(client):
    """A function returning a real token for a username (password: the test password)."""

    def get(username, password="correct-horse-battery"):
        response = client.post("/api/v1/tokens", json={"username": username, "password": password})
        assert response.status_code == 200, response.get_json()
        return response.get_json()["access_token"]

    return get


@pytest.fixture
def auth(token):
    """A function returning Authorization headers for a username."""
    return lambda username: {"Authorization": f"Bearer {token(username)}"}


@pytest.fixture
def runner(app):
    """A CLI runner for the app's commands."""
    return app.test_cli_runner()


class Builder:
    """Make users, projects and tasks directly in the database, for tests to act on."""

    def __init__(self, app, password_hash):
        self.app = app
        self.password_hash = password_hash

    def user(self, username, role="member", active=True, verified=True):
        """A user whose password is PASSWORD (and email verified, unless not); returns its id."""
        with self.app.app_context():
            user = User(
                username=username,
                email=f"{username}@example.org",
                password_hash=self.password_hash,
                role=role,
                active=active,
                email_verified_at=utcnow() if verified else None,
            )
            db.session.add(user)
            organizations.add_personal_organization(user)  # as registration does
            db.session.commit()
            return user.id

    def project(self, owner_id, name="Apollo", members=(), organization_id=None):
        """A project owned by `owner_id`, with these other member ids; returns its id.

        In the owner's personal organization unless `organization_id` names another;
        the members join the organization if they are not in it.
        """
        with self.app.app_context():
            owner = db.session.get(User, owner_id)
            organization = (
                organizations.personal_organization(owner)
                if organization_id is None
                else db.session.get(Organization, organization_id)
            )
            project = Project(name=name, owner=owner, organization=organization)
            others = [db.session.get(User, m) for m in members]
            project.members.extend([owner, *others])
            for member in others:  # a project's members belong to its organization
                organizations.enrol(organization, member)
            db.session.add(project)
            db.session.commit()
            return project.id

    def personal(self, user_id):
        """The id of the user's personal organization."""
        with self.app.app_context():
            return organizations.personal_organization(db.session.get(User, user_id)).id

    def organization(self, owner_id, name="Acme", members=(), admins=()):
        """A team organization owned by `owner_id`, with these members and admins; its id."""
        with self.app.app_context():
            organization = Organization(name=name)
            db.session.add(organization)
            organizations.enrol(organization, db.session.get(User, owner_id), "owner")
            for role, ids in (("member", members), ("admin", admins)):
                for user_id in ids:
                    organizations.enrol(organization, db.session.get(User, user_id), role)
            db.session.commit()
            return organization.id

    def join(self, organization_id, user_id, role="member"):
        """Make `user_id` a member of the organization with `role`."""
        with self.app.app_context():
            organization = db.session.get(Organization, organization_id)
            organizations.enrol(organization, db.session.get(User, user_id), role)
            db.session.commit()

    def tasks(self, project_id, creator_id, count=1, **fields):
        """`count` tasks in the project, titled 'Task 1'...; returns their ids."""
        with self.app.app_context():
            new = [
                Task(
                    project_id=project_id, creator_id=creator_id, **{"title": f"Task {n}", **fields}
                )
                for n in range(1, count + 1)
            ]
            db.session.add_all(new)
            db.session.commit()
            return [task.id for task in new]

    def task(self, project_id, creator_id, **fields):
        """One task; returns its id."""
        return self.tasks(project_id, creator_id, 1, **fields)[0]


@pytest.fixture
def build(app, password_hash):
    """The Builder for this test's app."""
    return Builder(app, password_hash)


def log_in(client, username, password=PASSWORD, next_url=None):
    """Post the login form; return the response."""
    target = "/auth/login" + (f"?next={next_url}" if next_url else "")
    return client.post(target, data={"username": username, "password": password})


@pytest.fixture
def login():
    """A function that logs a test client in, by username, through the real form."""
    return log_in


@pytest.fixture
def team(build):
    """A small team: owner alice, member bob, outsider carol, admin root; one project.

    The project is in alice's personal organization (ids["organization"]), which bob
    and carol belong to as members: carol is outside the project only.

    Its task, assigned to bob, is due in a month (ids["due_date"]): relative to today, so
    that no test starts failing on a fixed day.
    """
    ids = {name: build.user(name) for name in ("alice", "bob", "carol")}
    ids["root"] = build.user("root", role="admin")
    ids["project"] = build.project(ids["alice"], members=[ids["bob"]])
    # carol is in alice's organization but not in the project: she may be added to it.
    ids["organization"] = build.personal(ids["alice"])
    build.join(ids["organization"], ids["carol"])
    ids["due_date"] = today() + timedelta(days=30)
    ids["task"] = build.task(
        ids["project"], ids["alice"], assignee_id=ids["bob"], due_date=ids["due_date"]
    )
    return ids


@pytest.fixture
def acme(build):
    """A team organization, acme: owner alice, admin olga, members bob and carol; dave outside.

    Its project Apollo has alice and bob, and a task assigned to bob with bob's comment;
    bob also has a project of his own ("elsewhere"); root is a site admin. Ids by name.
    """
    ids = {name: build.user(name) for name in ("alice", "olga", "bob", "carol", "dave")}
    ids["root"] = build.user("root", role="admin")
    ids["acme"] = build.organization(
        ids["alice"], members=[ids["bob"], ids["carol"]], admins=[ids["olga"]]
    )
    ids["apollo"] = build.project(ids["alice"], members=[ids["bob"]], organization_id=ids["acme"])
    ids["elsewhere"] = build.project(ids["bob"], name="Elsewhere")  # bob's personal one
    ids["task"] = build.task(ids["apollo"], ids["alice"], assignee_id=ids["bob"])
    build.task(ids["elsewhere"], ids["bob"], assignee_id=ids["bob"])
    with build.app.app_context():
        db.session.add(Comment(task_id=ids["task"], author_id=ids["bob"], body="Mine"))
        db.session.commit()
    return ids


@pytest.fixture
def count_queries(app):
    """A context manager counting the SQL statements sent while it is open."""

    @contextmanager
    def counting():
        statements = []

        def before_execute(conn, cursor, statement, parameters, context, executemany):
            statements.append(statement)

        with app.app_context():
            engine = db.engine
        event.listen(engine, "before_cursor_execute", before_execute)
        try:
            yield statements
        finally:
            event.remove(engine, "before_cursor_execute", before_execute)

    return counting


@pytest.fixture
def known(build, team):
    """Six tasks with known fields in the team's project, beside the team's own Task 1."""
    past, future = today() - timedelta(days=3), today() + timedelta(days=3)
    specs = [
        ("Alpha", "todo", "low", past, team["bob"]),
        ("Bravo", "in_progress", "urgent", future, team["alice"]),
        ("Charlie", "review", "high", past, team["bob"]),
        ("Delta", "done", "medium", past, team["bob"]),
        ("Echo", "todo", "urgent", None, None),
        ("Foxtrot", "todo", "medium", future, team["bob"]),
    ]
    for title, status, priority, due, assignee in specs:
        build.task(
            team["project"],
            team["alice"],
            title=title,
            status=status,
            priority=priority,
            due_date=due,
            assignee_id=assignee,
        )
    return team


class Mailbox:
    """An aiosmtpd handler that keeps what it receives; it can refuse the first messages."""

    def __init__(self):
        self.messages = []
        self.refusals = []  # SMTP answers for the next messages, such as "451 Try later"

    async def handle_DATA(self, server, session, envelope):
        """Called by aiosmtpd for each message."""
        if self.refusals:
            return self.refusals.pop(0)
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 OK"

    def to(self, address):
        """The messages sent to `address`."""
        return [message for message in self.messages if message["To"] == address]


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on a loopback port; yields its Mailbox, with `.port`."""
    handler = Mailbox()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    handler.port = controller.port
    yield handler
    controller.stop()


@pytest.fixture
def mailbox(app, smtp_server):
    """The SMTP server's Mailbox, with the app set to send its email there."""
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=smtp_server.port)
    return smtp_server
