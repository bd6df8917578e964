"""Notifications over the API: list them (with the unread count), mark them read."""

from flask import g
from flask import request

from capstone.api import bp
from capstone.api.auth import token_required
from capstone.api.inputs import TRUE_FALSE
from capstone.api.inputs import BadQuery
from capstone.api.inputs import paging
from capstone.api.serialize import notification_json
from capstone.api.serialize import page_json
from capstone.services import notifications
from capstone.services.paging import paginate


@bp.route("/notifications")
@token_required
def list_notifications():
    """The caller's notifications, newest first; ?unread=true for the unread ones only."""
    unread = request.args.get("unread", "false")
    if unread not in TRUE_FALSE:
        raise BadQuery({"unread": "true or false."})
    query = notifications.notifications_of(g.api_user, unread_only=unread == "true")
    answer = page_json("notifications", paginate(query, *paging()), notification_json)
    answer["unread"] = notifications.unread_count(g.api_user)
    return answer


@bp.route("/notifications/<id:notification_id>/read", methods=["POST"])
@token_required
def read_notification(notification_id):
    """Mark one of the caller's notifications read."""
    return notification_json(notifications.mark_read(g.api_user, notification_id))


@bp.route("/notifications/read", methods=["POST"])
@token_required
def read_all_notifications():
    """Mark all of the caller's notifications read."""
    notifications.mark_all_read(g.api_user)
    return "", 204
