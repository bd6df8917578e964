"""The site's statistics for administrators: a fixed number of aggregate queries.

Counting in the database (COUNT, SUM, GROUP BY) sends back a few numbers, however many
rows there are; loading the rows to count them in Python would grow with the data.
tests/capstone/test_admin_statistics.py checks both the numbers and the query count.
"""

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import STATUSES
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.models import project_member
from capstone.models.task import today

WEEKS = 12


@dataclass
class SiteStatistics:
    """The numbers on the statistics page (and in GET /api/v1/admin/statistics)."""

    users: int
    active_users: int
    admins: int  # active ones: the last-admin rule counts those
    projects: int
    tasks_by_status: dict  # live (not archived) tasks per status
    overdue: int  # archived tasks are done, so never overdue
    archived: int
    completed_per_week: list  # (Monday of the week, tasks completed that week), oldest first


def week_starts(until=None, weeks=WEEKS):
    """The Mondays of the last `weeks` weeks, the current week last."""
    day = until or today()
    monday = day - timedelta(days=day.weekday())
    return [monday - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def midnight(day):
    """The start of `day`, in UTC."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def count_if(condition):
    """SUM(CASE WHEN condition THEN 1 ELSE 0 END): a COUNT of the rows that match."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def site_statistics():
    """Every number of SiteStatistics, in three queries."""
    users, active, admins, projects = db.session.execute(
        select(
            func.count(User.id),
            count_if(User.active),
            count_if(User.active & (User.role == "admin")),
            select(func.count(Project.id)).scalar_subquery(),
        )
    ).one()
    live = Task.archived_at.is_(None)
    by_status = dict.fromkeys(STATUSES, 0)
    overdue = archived = 0
    for status, live_count, overdue_count, archived_count in db.session.execute(
        select(Task.status, count_if(live), count_if(Task.is_overdue), count_if(~live)).group_by(
            Task.status
        )
    ):
        by_status[status] = live_count
        overdue += overdue_count
        archived += archived_count
    return SiteStatistics(
        users, active, admins, projects, by_status, overdue, archived, completed_per_week()
    )


def completed_per_week(until=None):
    """Tasks completed in each of the last WEEKS weeks: one query, a column per week."""
    starts = [midnight(day) for day in week_starts(until)]
    ends = [*starts[1:], starts[-1] + timedelta(weeks=1)]
    counts = db.session.execute(
        select(
            *(
                count_if((Task.completed_at >= s) & (Task.completed_at < e))
                for s, e in zip(starts, ends, strict=True)
            )
        ).where(Task.status == "done", Task.completed_at >= starts[0])
    ).one()
    return [(start.date(), count) for start, count in zip(starts, counts, strict=True)]


def projects_overview():
    """A select() of every project with its owner, member count and task counts, by name."""
    members = (
        select(func.count())
        .where(project_member.c.project_id == Project.id)
        .correlate(Project)
        .scalar_subquery()
    )
    tasks = select(func.count(Task.id)).where(Task.project_id == Project.id).correlate(Project)
    open_tasks = tasks.where(Task.status != "done", Task.archived_at.is_(None))
    return (
        select(
            Project, User.username, members, tasks.scalar_subquery(), open_tasks.scalar_subquery()
        )
        .join(User, Project.owner_id == User.id)
        .order_by(func.lower(Project.name), Project.id)
    )
