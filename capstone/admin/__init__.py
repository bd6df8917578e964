"""The `admin` blueprint: users, projects, statistics and the audit log, for admins only."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")

from capstone.admin import views  # noqa: E402, F401 (the views register themselves on bp)
