"""The `auth` blueprint: register, log in and log out, with a session and hashed passwords.

Passwords are stored as hashes from werkzeug.security (scrypt, salted): a stolen
database does not give the passwords away. The session cookie is signed with
SECRET_KEY, so a user cannot change the user id it holds. Every POST here must carry
the form's CSRF token (csrf.py).
"""

import functools

from flask import Blueprint
from flask import g
from flask import redirect
from flask import render_template
from flask import request
from flask import session
from flask import url_for
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from hello_factory import csrf
from hello_factory.db import db

bp = Blueprint("auth", __name__, url_prefix="/auth")
bp.before_request(csrf.check)

MIN_PASSWORD_LENGTH = 8
# Checked when the user name is unknown, so that answer takes as long as a wrong password.
UNKNOWN_USER_HASH = generate_password_hash("not a real password")


@bp.before_app_request
def load_logged_in_user():
    """Put the logged-in user's row (or None) in g.user, for every request of the app."""
    user_id = session.get("user_id")
    g.user = None
    if user_id is not None:
        g.user = db.connection.execute("SELECT * FROM user WHERE id = ?", (user_id,)).fetchone()


def login_required(view):
    """Decorate a view so that visitors who are not logged in are sent to the login page."""

    @functools.wraps(view)
    def wrapped(**kwargs):
        if g.user is None:
            return redirect(url_for("auth.login"))
        return view(**kwargs)

    return wrapped


@bp.route("/register", methods=("GET", "POST"))
def register():
    """Show the form; on POST, create the account or show what is wrong with the form."""
    error = None
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        if not 3 <= len(username) <= 40:
            error = "A username has 3 to 40 characters."
        elif len(password) < MIN_PASSWORD_LENGTH:
            error = f"A password has at least {MIN_PASSWORD_LENGTH} characters."
        else:
            try:
                with db.connection:  # a transaction: committed, or rolled back on error
                    db.connection.execute(
                        "INSERT INTO user (username, password) VALUES (?, ?)",
                        (username, generate_password_hash(password)),
                    )
            except db.IntegrityError:
                error = f"The username {username} is already taken."
            else:
                return redirect(url_for("auth.login"), code=303)
    return render_template("auth/register.html", error=error), 400 if error else 200


@bp.route("/login", methods=("GET", "POST"))
def login():
    """Show the form; on POST, start a session for the right username and password."""
    error = None
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        password = request.form.get("password", "")
        user = db.connection.execute(
            "SELECT * FROM user WHERE username = ?", (username,)
        ).fetchone()
        stored_hash = user["password"] if user else UNKNOWN_USER_HASH
        if check_password_hash(stored_hash, password) and user is not None:
            session.clear()  # a fresh session: nothing from before the login carries over
            session["user_id"] = user["id"]
            return redirect(url_for("auth.profile"), code=303)
        error = "Incorrect username or password."  # the same words for both mistakes
    return render_template("auth/login.html", error=error), 400 if error else 200


@bp.route("/logout", methods=("POST",))
def logout():
    """End the session (a POST with a CSRF token, so another site cannot log you out)."""
    session.clear()
    return redirect(url_for("main.index"), code=303)


@bp.route("/profile")
@login_required
def profile():
    """A page only a logged-in user can see."""
    return render_template("auth/profile.html")
