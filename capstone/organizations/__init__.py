"""The `organizations` blueprint: my organizations, their members and invitations, joining one."""

from flask import Blueprint

bp = Blueprint("organizations", __name__, url_prefix="/organizations")

# The views register themselves on bp.
from capstone.organizations import actions  # noqa: E402, F401
from capstone.organizations import pages  # noqa: E402, F401
from capstone.organizations import views  # noqa: E402, F401
