"""The data model: users, organizations, projects, tasks, comments, files, notifications...

Also invitations, the audit log, the outbox of emails, the task counts the database
keeps, and the Stripe events already processed. Import models from here.
"""

from capstone.models.attachment import Attachment
from capstone.models.audit_entry import AUDIT_ACTIONS
from capstone.models.audit_entry import AuditEntry
from capstone.models.base import Base
from capstone.models.comment import Comment
from capstone.models.idempotency_key import IdempotencyKey
from capstone.models.invitation import Invitation
from capstone.models.login_failure import LoginFailure
from capstone.models.notification import Notification
from capstone.models.organization import ORGANIZATION_ROLES
from capstone.models.organization import Organization
from capstone.models.organization import OrganizationMember
from capstone.models.outbound_email import OutboundEmail
from capstone.models.processed_event import ProcessedEvent
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
    "ORGANIZATION_ROLES",
    "PRIORITIES",
    "ROLES",
    "STATUSES",
    "Attachment",
    "AuditEntry",
    "Base",
    "Comment",
    "IdempotencyKey",
    "Invitation",
    "LoginFailure",
    "Notification",
    "Organization",
    "OrganizationMember",
    "OutboundEmail",
    "ProcessedEvent",
    "Project",
    "Task",
    "TaskCount",
    "User",
    "label",
    "project_member",
]
