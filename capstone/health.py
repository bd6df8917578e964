"""Health checks for load balancers and orchestrators, outside the versioned API.

GET /health is liveness: the process answers. GET /health/ready is readiness: the
database answers too (503 when it does not). Neither needs a login.
"""

from flask import Blueprint
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from capstone.database import db

bp = Blueprint("health", __name__, url_prefix="/health")


@bp.route("")
def live():
    """The process is up."""
    return {"status": "ok"}


@bp.route("/ready")
def ready():
    """The process is up and the database answers a query."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return {"status": "unavailable", "database": "unreachable"}, 503
    return {"status": "ok", "database": "ok"}
