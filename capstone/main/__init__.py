"""The `main` blueprint: the dashboard and the profile."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from capstone.main import views  # noqa: E402, F401 (the views register themselves on bp)
