"""The data model: users, projects with members, tasks, comments. Import models from here."""

from capstone.models.base import Base
from capstone.models.comment import Comment
from capstone.models.login_failure import LoginFailure
from capstone.models.project import Project
from capstone.models.project import project_member
from capstone.models.task import PRIORITIES
from capstone.models.task import STATUSES
from capstone.models.task import Task
from capstone.models.user import ROLES
from capstone.models.user import User

__all__ = [
    "PRIORITIES",
    "ROLES",
    "STATUSES",
    "Base",
    "Comment",
    "LoginFailure",
    "Project",
    "Task",
    "User",
    "project_member",
]
