"""The `tasks` blueprint: the task list, task pages, and comments."""

from flask import Blueprint

bp = Blueprint("tasks", __name__)

from capstone.tasks import views  # noqa: E402, F401 (the views register themselves on bp)
