"""Admin pages. Every one needs the admin role: 403 for anyone else who is logged in."""

from flask import abort
from flask import flash
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from flask_login import login_required
from werkzeug.exceptions import Conflict
from werkzeug.exceptions import NotFound

from capstone import cache
from capstone.admin import bp
from capstone.admin.chart import HEIGHT
from capstone.admin.chart import WIDTH
from capstone.admin.chart import bar_chart
from capstone.services import admin
from capstone.services import billing
from capstone.services import statistics
from capstone.services.errors import Invalid
from capstone.services.paging import paginate
from capstone.web import page_number

PER_PAGE = 25


@bp.before_request
@login_required
def require_admin():
    """Anonymous visitors log in first; members are refused."""
    if not current_user.is_admin:
        abort(403, "Only administrators can see this page.")


@bp.route("/")
def overview():
    """The site's statistics, with a chart of the tasks completed per week."""
    stats = cache.site_statistics()
    weeks = [(start.strftime("%d %b"), count) for start, count in stats.completed_per_week]
    return render_template(
        "admin/overview.html", stats=stats, bars=bar_chart(weeks), width=WIDTH, height=HEIGHT
    )


def listing(query, rows=False):
    """One page of `query` from ?page= (404 past the end, as a page that does not exist)."""
    number = page_number(request.args.get("page"))
    if number is None:
        raise NotFound("There is no such page.")
    page = paginate(query, number, PER_PAGE, rows=rows)
    if number > page.pages:
        raise NotFound("There is no such page.")
    return page


@bp.route("/users")
def users(error=None, status=200):
    """Users, searched by name or email."""
    text = request.values.get("q", "").strip()[:100]
    page = listing(admin.find_users(text))
    return render_template("admin/users.html", page=page, q=text, error=error), status


@bp.route("/users/<id:user_id>/<any(active, role):change>", methods=["POST"])
def change_user(user_id, change):
    """Deactivate, reactivate, promote or demote a user; an error re-renders the list."""
    user = admin.user_for(current_user, user_id)
    try:
        if change == "active":
            admin.change_user(current_user, user, active=request.form.get("active") == "yes")
        else:
            admin.change_user(current_user, user, role=request.form.get("role", ""))
    except Invalid as invalid:
        return users(next(iter(invalid.fields.values())), invalid.code)
    except Conflict as refused:  # the last-admin rule
        return users(refused.description, refused.code)
    if change == "active":
        flash(f"{user.username} is {'active' if user.active else 'deactivated'}.", "success")
    else:
        flash(f"{user.username} is {'an admin' if user.is_admin else 'a member'}.", "success")
    return redirect(url_for("admin.users", q=request.form.get("q") or None), code=303)


@bp.route("/projects")
def projects():
    """Every project with its owner, members and tasks."""
    return render_template(
        "admin/projects.html", page=listing(statistics.projects_overview(), True)
    )


@bp.route("/organizations")
def organizations():
    """Every organization with its plan, subscription status, members and projects."""
    return render_template(
        "admin/organizations.html", page=listing(billing.organizations_overview(), True)
    )


@bp.route("/audit")
def audit():
    """The audit log, newest first."""
    return render_template("admin/audit.html", page=listing(admin.audit_log()))
