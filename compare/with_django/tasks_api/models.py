"""Django models mapped onto the capstone's tables, without owning them.

`managed = False`: Django never creates, migrates or deletes these tables (the
capstone's Alembic migrations do). Only the columns this slice reads are mapped,
so a column the capstone adds later changes nothing here.
"""

from datetime import UTC
from datetime import datetime

from django.db import models


def today():
    """Today's date in UTC, the capstone's day for "overdue"."""
    return datetime.now(UTC).date()


class User(models.Model):
    """A capstone user: enough to check a token and the access rule."""

    role = models.CharField(max_length=16)
    active = models.BooleanField()
    session_token = models.CharField(max_length=64)

    class Meta:
        """The capstone's table; Django never migrates it."""

        managed = False
        db_table = "user"

    # DRF's request.user and its IsAuthenticated permission ask this.
    is_authenticated = True

    @property
    def is_admin(self):
        """Admins see every project."""
        return self.role == "admin"


class Project(models.Model):
    """A project; its members in the capstone's project_member table."""

    members = models.ManyToManyField(User, db_table="project_member", related_name="projects")

    class Meta:
        """The capstone's table; Django never migrates it."""

        managed = False
        db_table = "project"


class TaskQuerySet(models.QuerySet):
    """Task queries; `Task.objects.overdue()` reads like the rule it applies."""

    def overdue(self):
        """Due before today and not done."""
        return self.filter(due_date__lt=today()).exclude(status="done")


class Task(models.Model):
    """A task, with the columns the API sends."""

    objects = TaskQuerySet.as_manager()

    project = models.ForeignKey(Project, on_delete=models.DO_NOTHING)
    title = models.CharField(max_length=200)
    description = models.TextField()
    status = models.CharField(max_length=16)
    priority = models.CharField(max_length=16)
    due_date = models.DateField(null=True)
    assignee_id = models.IntegerField(null=True)
    creator_id = models.IntegerField()
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True)
    archived_at = models.DateTimeField(null=True)

    class Meta:
        """The capstone's table; Django never migrates it."""

        managed = False
        db_table = "task"

    @property
    def is_overdue(self):
        """Due before today and not done."""
        return self.due_date is not None and self.due_date < today() and self.status != "done"
