"""The `tasks` blueprint: the task list, task pages, comments, attachments, the archive."""

from flask import Blueprint

bp = Blueprint("tasks", __name__)

from capstone.tasks import files  # noqa: E402, F401 (the views register themselves on bp)
from capstone.tasks import views  # noqa: E402, F401
