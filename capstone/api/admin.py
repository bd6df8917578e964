"""The admin API: users (find, deactivate, promote), projects, statistics, the audit log.

The same services as the admin pages; every endpoint needs a token of an admin (403
for anyone else, 401 without a valid token).
"""

import functools

from flask import g
from flask import request
from werkzeug.exceptions import Forbidden

from capstone.api import bp
from capstone.api import schemas
from capstone.api.auth import token_required
from capstone.api.inputs import BadQuery
from capstone.api.inputs import body
from capstone.api.inputs import paging
from capstone.api.serialize import iso
from capstone.api.serialize import page_json
from capstone.api.serialize import project_json
from capstone.api.serialize import user_json
from capstone.services import admin
from capstone.services import statistics
from capstone.services.paging import paginate


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
    return {**user_json(user, private=True), "active": user.active}


@bp.route("/admin/users")
@admin_required
def admin_users():
    """Every user, by name; ?q= finds names and emails containing the text."""
    text = request.args.get("q", "")
    if len(text) > 100:
        raise BadQuery({"q": "At most 100 characters."})
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
        return {
            **project_json(project),
            "owner": owner,
            "members": members,
            "tasks": tasks,
            "open_tasks": open_tasks,
        }

    page = paginate(statistics.projects_overview(), *paging(), rows=True)
    return page_json("projects", page, row_json)


@bp.route("/admin/statistics")
@admin_required
def admin_statistics():
    """The site's numbers, and the tasks completed in each of the last 12 weeks."""
    stats = statistics.site_statistics()
    return {
        "users": stats.users,
        "active_users": stats.active_users,
        "admins": stats.admins,
        "projects": stats.projects,
        "tasks_by_status": stats.tasks_by_status,
        "overdue": stats.overdue,
        "archived": stats.archived,
        "completed_per_week": [
            {"week": iso(week), "completed": count} for week, count in stats.completed_per_week
        ],
    }


@bp.route("/admin/audit")
@admin_required
def admin_audit():
    """The audit log, newest first."""

    def entry_json(entry):
        return {
            "id": entry.id,
            "action": entry.action,
            "actor": {"id": entry.actor.id, "username": entry.actor.username},
            "target": {"id": entry.target.id, "username": entry.target.username},
            "created_at": iso(entry.created_at),
        }

    return page_json("entries", paginate(admin.audit_log(), *paging()), entry_json)
