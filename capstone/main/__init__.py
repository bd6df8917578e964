"""The `main` blueprint: the dashboard, the profile, the notifications."""

from flask import Blueprint

bp = Blueprint("main", __name__)

from capstone.main import notifications  # noqa: E402, F401 (the views register themselves on bp)
from capstone.main import views  # noqa: E402, F401
