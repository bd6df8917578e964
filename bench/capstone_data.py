"""A capstone database with many tasks, made fast with bulk inserts, for the benchmarks.

One project owned by `bench` with nine other members, and N tasks spread over the
statuses, priorities, assignees and due dates with a fixed random seed, so two runs
measure the same data.
"""

import random
from datetime import date
from datetime import timedelta

from werkzeug.security import generate_password_hash

from capstone import create_app
from capstone import migrate
from capstone.database import db
from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import organizations

PASSWORD = "bench-password"  # noqa: S105 (a throwaway account in a throwaway database)
MEMBERS = 10
BATCH = 10_000


def settings(database_path):
    """The app settings of a benchmark run: its own database, no CSRF, jobs and mail inert."""
    return {
        "ENV_NAME": "testing",
        "DATABASE_URL": f"sqlite:///{database_path}",
        "WTF_CSRF_ENABLED": False,
        "REDIS_URL": None,
        "CELERY_BROKER_URL": None,
        "MAIL_SERVER": None,
    }


def build(database_path, tasks):
    """Migrate a new database at `database_path` and fill it; return the project's id."""
    app = create_app(settings(database_path))
    rng = random.Random(42)
    today, now = date.today(), utcnow()
    with app.app_context():
        migrate.upgrade()
        password_hash = generate_password_hash(PASSWORD, method="pbkdf2:sha256:1000")
        users = [
            User(
                username=f"bench{n}" if n else "bench",
                email=f"bench{n}@example.org",
                password_hash=password_hash,
                email_verified_at=now,
            )
            for n in range(MEMBERS)
        ]
        db.session.add_all(users)
        organization = organizations.add_personal_organization(users[0])
        db.session.flush()  # the ids enrol looks memberships up by
        for user in users[1:]:  # a project's members are its organization's
            organizations.enrol(organization, user)
        project = Project(
            name="Benchmark", owner=users[0], members=users, organization=organization
        )
        db.session.add(project)
        db.session.commit()
        member_ids = [user.id for user in users]
        for start in range(0, tasks, BATCH):
            rows = [
                task_row(project.id, member_ids, rng, today, now, n)
                for n in range(start, min(start + BATCH, tasks))
            ]
            db.session.execute(Task.__table__.insert(), rows)  # Core: no ORM bookkeeping
        db.session.commit()
        project_id = project.id
        db.engine.dispose()
    return project_id


def task_row(project_id, member_ids, rng, today, now, n):
    """The columns of task number `n`."""
    status = rng.choice(STATUSES)
    return {
        "project_id": project_id,
        "title": f"Task {n}",
        "description": "",
        "status": status,
        "priority": rng.choice(PRIORITIES),
        "due_date": today + timedelta(days=rng.randint(-30, 60)) if rng.random() < 0.8 else None,
        "assignee_id": rng.choice(member_ids) if rng.random() < 0.9 else None,
        "creator_id": member_ids[0],
        "created_at": now,
        "updated_at": now,
        "completed_at": now if status == "done" else None,
    }
