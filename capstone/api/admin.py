"""The admin API: users (find, deactivate, promote), projects, statistics, the audit log.

The same services as the admin pages; every endpoint needs a token of an admin (403
for anyone else, 401 without a valid token).
"""

import functools

from flask import g
from flask import request
from werkzeug.exceptions import Forbidden

from capstone import cache
from capstone.api import bp
from capstone.api import outputs
from capstone.api import outputs_admin
from capstone.api import schemas
from capstone.api.auth import token_required
from capstone.api.inputs import BadQuery
from capstone.api.inputs import body
from capstone.api.inputs import paging
from capstone.api.serialize import dump
from capstone.api.serialize import page_json
from capstone.services import admin
from capstone.services import statistics
from capstone.services.paging import paginate

SEARCH_LENGTH = 100  # the longest ?q= a search of users takes


def admin_required(view):
    """Decorate an API view: a valid token of an admin, or 401/403."""

    @token_required
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if not g.api_user.is_admin:
            raise Forbidden("Only administrators can do that.")
        return view(*args, **kwargs)

    return wrapped


def account_json(user):
    """A user as an admin sees them: with their email and whether they are active."""
    return dump(outputs_admin.Account, user)


@bp.route("/admin/users")
@admin_required
def admin_users():
    """Every user, by name; ?q= finds names and emails containing the text."""
    text = request.args.get("q", "")
    if len(text) > SEARCH_LENGTH:
        raise BadQuery({"q": f"At most {SEARCH_LENGTH} characters."})
    return page_json("users", paginate(admin.find_users(text), *paging()), account_json)


@bp.route("/admin/users/<id:user_id>", methods=["PATCH"])
@admin_required
def admin_change_user(user_id):
    """Change a user's role and/or activity, all or nothing; each change is audited."""
    data = body(schemas.AdminUserPatch)
    user = admin.user_for(g.api_user, user_id)
    return account_json(
        admin.change_user(g.api_user, user, active=data.get("active"), role=data.get("role"))
    )


@bp.route("/admin/projects")
@admin_required
def admin_projects():
    """Every project with its owner's name, member count and task counts."""

    def row_json(row):
        project, owner, members, tasks, open_tasks = row
        counts = {"owner": owner, "members": members, "tasks": tasks, "open_tasks": open_tasks}
        return dump(
            outputs_admin.ProjectOverview, dict(outputs.Project.model_validate(project)) | counts
        )

    page = paginate(statistics.projects_overview(), *paging(), rows=True)
    return page_json("projects", page, row_json)


@bp.route("/admin/statistics")
@admin_required
def admin_statistics():
    """The site's numbers, and the tasks completed in each of the last 12 weeks."""
    return dump(outputs_admin.Statistics, cache.site_statistics())


@bp.route("/admin/audit")
@admin_required
def admin_audit():
    """The audit log, newest first."""
    return page_json(
        "entries",
        paginate(admin.audit_log(), *paging()),
        functools.partial(dump, outputs_admin.AuditEntry),
    )
