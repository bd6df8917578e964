"""The dashboard (my projects, my tasks, what is overdue) and the profile page."""

from flask import flash
from flask import redirect
from flask import render_template
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from flask_login import logout_user

from capstone import cache
from capstone.account_forms import PasswordForm
from capstone.main import bp
from capstone.services import users
from capstone.services.errors import Invalid
from capstone.web import render_form
from capstone.web import show_errors


@bp.route("/")
def index():
    """Visitors see the welcome page; logged-in users their dashboard."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    return render_template("main/welcome.html")


@bp.route("/favicon.ico")
def favicon():
    """Where browsers look for an icon when a page names none (a JSON answer, say)."""
    return redirect(url_for("static", filename="favicon.svg"), code=301)


@bp.route("/dashboard", endpoint="dashboard")
@login_required
def dashboard_page():
    """My projects with task counts by status, tasks assigned to me, overdue tasks."""
    projects, my_tasks, overdue = cache.dashboard_for(current_user)
    return render_template(
        "main/dashboard.html", projects=projects, my_tasks=my_tasks, overdue=overdue
    )


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile():
    """The user's details, and a form to change the password (which ends every session)."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            users.change_password(current_user, form.current_password.data, form.new_password.data)
        except Invalid as invalid:
            show_errors(form, invalid)
        else:
            logout_user()
            flash("Password changed. Log in again with the new one.", "success")
            return redirect(url_for("auth.login"), code=303)
    return render_form("main/profile.html", form)
