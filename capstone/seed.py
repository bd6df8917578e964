"""Demo data: a few users, two projects with tasks and comments, and bulk tasks on request.

Loading is idempotent: if the demo users exist, nothing is added twice. Every demo
account has the password DEMO_PASSWORD, printed by `flask seed-demo`; the data is for a
laptop, and the command refuses to run in production.
"""

import random
from datetime import timedelta

from sqlalchemy import insert
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from capstone.database import db
from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models import Comment
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.task import today
from capstone.services import organizations
from capstone.services.statistics import WEEKS

DEMO_PASSWORD = "demo-password"  # noqa: S105 (printed on purpose: demo accounts only)
DEMO_USERS = [("alice", "member"), ("bob", "member"), ("carol", "member"), ("admin", "admin")]
DEMO_PROJECTS = {
    "Website relaunch": (
        "alice",
        ["bob"],
        [
            ("Write the new home page copy", "in_progress", "high", 3, "bob"),
            ("Choose a colour palette", "done", "medium", -10, "alice"),
            ("Fix the broken contact form", "todo", "urgent", -2, "bob"),
            ("Set up redirects from old URLs", "review", "medium", 7, "alice"),
            ("Accessibility audit", "todo", "high", 14, None),
        ],
    ),
    "Office move": (
        "bob",
        ["alice", "carol"],
        [
            ("Book the movers", "done", "urgent", -20, "carol"),
            ("Label every box", "in_progress", "low", 2, "alice"),
            ("Order new desks", "todo", "medium", None, "bob"),
        ],
    ),
}


def completed(status, due_in_days):
    """When a demo task was done: on its due date if that has passed, else today.

    Spread over past weeks, so that the admin's "completed per week" chart has bars.
    """
    if status != "done":
        return None
    return utcnow() + timedelta(days=min(due_in_days or 0, 0))


def load_demo():
    """Add the demo users, projects, tasks and comments; return False if they were already there."""
    if db.session.scalar(select(User).where(User.username == "alice")) is not None:
        return False
    password_hash = generate_password_hash(DEMO_PASSWORD)
    users = {
        name: User(
            username=name,
            email=f"{name}@example.org",
            password_hash=password_hash,
            role=role,
            email_verified_at=utcnow(),  # so that the demo sends task emails (to the log)
        )
        for name, role in DEMO_USERS
    }
    db.session.add_all(users.values())
    personal = {name: organizations.add_personal_organization(user) for name, user in users.items()}
    db.session.flush()  # their ids, which organizations.enrol looks memberships up by
    for name, (owner, members, tasks) in DEMO_PROJECTS.items():
        project = Project(
            name=name,
            description=f"A demo project: {name.lower()}.",
            owner=users[owner],
            organization=personal[owner],
        )
        project.members.extend([users[owner], *(users[m] for m in members)])
        for member in members:  # a project's members belong to its organization
            organizations.enrol(personal[owner], users[member])
        for title, status, priority, due_in_days, assignee in tasks:
            task = Task(
                project=project,
                title=title,
                status=status,
                priority=priority,
                due_date=None if due_in_days is None else today() + timedelta(days=due_in_days),
                assignee=users[assignee] if assignee else None,
                creator=users[owner],
                completed_at=completed(status, due_in_days),
            )
            db.session.add(task)
            db.session.add(
                Comment(task=task, author=users[owner], body=f"Let's get '{title}' moving.")
            )
    db.session.commit()
    return True


def bulk_tasks(count, batch_size=1000):
    """Add `count` generated tasks to the first demo project, yielding after each batch."""
    project = db.session.scalar(select(Project).order_by(Project.id))
    members = [member.id for member in project.members]
    pick = random.Random(2026)  # a fixed seed: the same data on every machine  # noqa: S311
    now = utcnow()
    for start in range(0, count, batch_size):
        rows = []
        for number in range(start, min(start + batch_size, count)):
            status = pick.choice(STATUSES)
            rows.append(
                {
                    "project_id": project.id,
                    "title": f"Generated task {number + 1}",
                    "description": "",
                    "status": status,
                    "priority": pick.choice(PRIORITIES),
                    "due_date": today() + timedelta(days=pick.randint(-60, 90)),
                    "assignee_id": pick.choice([*members, None]),
                    "creator_id": project.owner_id,
                    "created_at": now,
                    "updated_at": now,
                    # Within the admin chart's weeks, and the archive's 90 days.
                    "completed_at": now - timedelta(days=pick.randint(0, 7 * WEEKS - 1))
                    if status == "done"
                    else None,
                }
            )
        db.session.execute(insert(Task), rows)
        db.session.commit()
        yield len(rows)
