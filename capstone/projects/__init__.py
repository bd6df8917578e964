"""The `projects` blueprint: projects, their board, and their members."""

from flask import Blueprint

bp = Blueprint("projects", __name__, url_prefix="/projects")

from capstone.projects import views  # noqa: E402, F401 (the views register themselves on bp)
