"""The notification list, and marking notifications read."""

from flask import abort
from flask import redirect
from flask import render_template
from flask import request
from flask import url_for
from flask_login import current_user
from flask_login import login_required

from capstone.main import bp
from capstone.services import notifications
from capstone.services.paging import paginate
from capstone.web import page_number

PER_PAGE = 20


@bp.route("/notifications")
@login_required
def notification_list():
    """The user's notifications, newest first, unread ones marked."""
    number = page_number(request.args.get("page"))
    if number is None:
        abort(400, "The page number in the address is not valid.")
    page = paginate(notifications.notifications_of(current_user), number, PER_PAGE)
    return render_template("main/notifications.html", page=page)


@bp.route("/notifications/<id:notification_id>/read", methods=["POST"])
@login_required
def read_notification(notification_id):
    """Mark one notification read, then go to its task (or back to the list)."""
    notification = notifications.mark_read(current_user, notification_id)
    if notification.task_id is not None:
        return redirect(url_for("tasks.detail", task_id=notification.task_id), code=303)
    return redirect(url_for("main.notification_list"), code=303)


@bp.route("/notifications/read", methods=["POST"])
@login_required
def read_all_notifications():
    """Mark every notification read."""
    notifications.mark_all_read(current_user)
    return redirect(url_for("main.notification_list"), code=303)
