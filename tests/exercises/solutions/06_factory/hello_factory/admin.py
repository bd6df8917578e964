"""Exercise 1: the `admin` blueprint, where every view needs a login.

One before_request on the blueprint guards all of its views, present and future: a
view added later cannot forget a decorator.
"""

from flask import Blueprint
from flask import g
from flask import redirect
from flask import url_for

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.before_request
def require_login():
    """Send visitors to the login page before any admin view runs."""
    if g.user is None:  # auth's before_app_request has loaded g.user already
        return redirect(url_for("auth.login"))
    return None


@bp.route("/")
def index():
    """The admin home: only reached by a logged-in user."""
    return f"Admin, for {g.user['username']}"
