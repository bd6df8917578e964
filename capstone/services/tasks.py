"""Tasks: create, change, complete and delete them; what a list may ask for (TaskQuery).

The list itself is services/task_list.py.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import case
from werkzeug.exceptions import Forbidden

from capstone.database import db
from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models import Task
from capstone.models.base import utcnow
from capstone.services import access
from capstone.services import attachments
from capstone.services import changes
from capstone.services import notifications
from capstone.services.errors import Invalid

# The columns a list may be sorted by: an allowlist, never a column name from the client.
PRIORITY_RANK = case({name: rank for rank, name in enumerate(PRIORITIES)}, value=Task.priority)
STATUS_RANK = case({name: rank for rank, name in enumerate(STATUSES)}, value=Task.status)
SORTS = {
    "created_at": Task.created_at,
    "updated_at": Task.updated_at,
    "due_date": Task.due_date,
    "priority": PRIORITY_RANK,
    "status": STATUS_RANK,
    "title": Task.title,
}
MAX_PER_PAGE = 100
ORDERS = ("asc", "desc")


def clean_task_fields(project, data):
    """Check the fields a client may set on a task; return them, or raise Invalid."""
    errors, fields = {}, {}
    if "title" in data:
        fields["title"] = (data["title"] or "").strip()
        if not 1 <= len(fields["title"]) <= 200:
            errors["title"] = "A title has 1 to 200 characters."
    if "description" in data:
        fields["description"] = (data["description"] or "").strip()
    if "status" in data:
        fields["status"] = data["status"]
        if fields["status"] not in STATUSES:
            errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
    if "priority" in data:
        fields["priority"] = data["priority"]
        if fields["priority"] not in PRIORITIES:
            errors["priority"] = f"Choose one of: {', '.join(PRIORITIES)}."
    if "due_date" in data:
        fields["due_date"] = data["due_date"]
        if fields["due_date"] is not None and not isinstance(fields["due_date"], date):
            errors["due_date"] = "A due date is a date, like 2026-12-31."
    if "assignee_id" in data:
        fields["assignee_id"] = data["assignee_id"]
        members = {member.id for member in project.members}
        if fields["assignee_id"] is not None and fields["assignee_id"] not in members:
            errors["assignee_id"] = "A task can only be assigned to a member of its project."
    if errors:
        raise Invalid(errors)
    return fields


def create_task(creator, project, data):
    """A member creates a task in `project` from the allowed fields of `data`."""
    access.require_member(creator, project)
    fields = clean_task_fields(project, {"title": "", **data})
    task = Task(project=project, creator=creator, **fields)
    if task.status == "done":
        task.completed_at = utcnow()
    db.session.add(task)
    db.session.flush()
    notifications.task_assigned(task, creator)
    changes.task_changed("created", task, creator)
    db.session.commit()
    return task


def update_task(actor, task, data):
    """A member changes the fields of `data`; 'done' sets completed_at; a new assignee is told."""
    access.require_member(actor, task.project)
    fields = clean_task_fields(task.project, data)
    was_status, was_assigned_to = task.status, task.assignee_id
    for name, value in fields.items():
        setattr(task, name, value)
    if task.status == "done" and was_status != "done":
        task.completed_at = utcnow()
    elif task.status != "done":
        task.completed_at = None
    if task.assignee_id != was_assigned_to:
        db.session.flush()  # task.assignee follows assignee_id
        notifications.task_assigned(task, actor)
    changes.task_changed(changes.change_of(task, was_status, was_assigned_to), task, actor)
    db.session.commit()
    return task


@dataclass
class TaskQuery:
    """Filters, sorting and paging for a task list, already checked."""

    status: str | None = None
    priority: str | None = None
    assignee_id: int | None = None
    overdue: bool = False
    archived: bool = False  # the archive instead of the live tasks
    q: str | None = None
    sort: str = "created_at"
    order: str = "desc"
    page: int = 1
    per_page: int = 20

    def __post_init__(self):
        errors = {}
        if self.status is not None and self.status not in STATUSES:
            errors["status"] = f"Choose one of: {', '.join(STATUSES)}."
        if self.priority is not None and self.priority not in PRIORITIES:
            errors["priority"] = f"Choose one of: {', '.join(PRIORITIES)}."
        if self.sort not in SORTS:
            errors["sort"] = f"Sort by one of: {', '.join(SORTS)}."
        if self.order not in ORDERS:
            errors["order"] = "The order is asc or desc."
        if self.page < 1:
            errors["page"] = "Pages start at 1."
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            errors["per_page"] = f"Between 1 and {MAX_PER_PAGE} per page."
        if errors:
            raise Invalid(errors)


def delete_task(user, task):
    """Delete a task, its comments and attachments: its creator or the project's owner may."""
    access.require_member(user, task.project)  # a creator no longer a member may not
    if user.id not in (task.creator_id, task.project.owner_id):
        raise Forbidden("Only the task's creator or the project's owner can delete it.")
    files = attachments.stored_names(Task.id == task.id)
    changes.task_changed("deleted", task, user)
    db.session.delete(task)
    db.session.commit()
    attachments.remove_files(files)
