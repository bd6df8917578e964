"""The `organizations` blueprint: accepting an invitation from its email's link."""

from flask import Blueprint

bp = Blueprint("organizations", __name__, url_prefix="/organizations")

from capstone.organizations import views  # noqa: E402, F401 (the views register themselves on bp)
