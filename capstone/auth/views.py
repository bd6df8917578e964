"""Register, log in and log out, with Flask-Login sessions that really end at logout."""

from flask import flash
from flask import redirect
from flask import request
from flask import session
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from flask_login import login_user
from flask_login import logout_user

from capstone.account_forms import LoginForm
from capstone.account_forms import RegisterForm
from capstone.auth import bp
from capstone.auth.redirects import is_safe_path
from capstone.http import client_address
from capstone.services import users
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.web import render_form
from capstone.web import show_errors


@bp.route("/register", methods=["GET", "POST"])
def register():
    """Create an account, then log in with it (an address with an account hears the same)."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            users.register(form.username.data, form.email.data, form.password.data)
        except (Invalid, Taken) as problem:
            show_errors(form, problem)
        else:
            flash(users.REGISTERED, "success")
            return redirect(url_for("auth.login"), code=303)
    return render_form("auth/register.html", form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in by username or email; a wrong name and a wrong password get the same answer."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        user = users.check_login(form.username.data, form.password.data, client_address())
        if user is not None:
            session.clear()  # nothing from before the login (a planted session) carries over
            login_user(user, remember=form.remember.data)
            target = request.args.get("next")
            return redirect(target if is_safe_path(target) else url_for("main.dashboard"), code=303)
        form.form_errors.append("Incorrect username or password.")
    return render_form("auth/login.html", form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out everywhere: a new session token makes every copy of the old cookie worthless."""
    users.end_sessions(current_user)
    logout_user()
    session.clear()
    flash("You are logged out.", "info")
    return redirect(url_for("auth.login"), code=303)
