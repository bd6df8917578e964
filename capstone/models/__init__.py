"""The data model: users, projects, tasks, comments, files, notifications, audit log...

Also the outbox of emails and the task counts the database keeps. Import models from here.
"""

from capstone.models.attachment import Attachment
from capstone.models.audit_entry import AUDIT_ACTIONS
from capstone.models.audit_entry import AuditEntry
from capstone.models.base import Base
from capstone.models.comment import Comment
from capstone.models.idempotency_key import IdempotencyKey
from capstone.models.login_failure import LoginFailure
from capstone.models.notification import Notification
from capstone.models.outbound_email import OutboundEmail
from capstone.models.project import Project
from capstone.models.project import project_member
from capstone.models.task import PRIORITIES
from capstone.models.task import STATUSES
from capstone.models.task import Task
from capstone.models.task import label
from capstone.models.task_count import TaskCount
from capstone.models.user import ROLES
from capstone.models.user import User

__all__ = [
    "AUDIT_ACTIONS",
    "PRIORITIES",
    "ROLES",
    "STATUSES",
    "Attachment",
    "AuditEntry",
    "Base",
    "Comment",
    "IdempotencyKey",
    "LoginFailure",
    "Notification",
    "OutboundEmail",
    "Project",
    "Task",
    "TaskCount",
    "User",
    "label",
    "project_member",
]
