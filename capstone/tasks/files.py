"""Attachments on the task page: upload, download, delete."""

from flask import flash
from flask import redirect
from flask import request
from flask import url_for
from flask_login import current_user

from capstone.services import access
from capstone.services import attachments
from capstone.services.errors import Invalid
from capstone.tasks import bp
from capstone.tasks.views import render_detail


@bp.route("/tasks/<id:task_id>/attachments", methods=["POST"])
def upload_attachment(task_id):
    """Attach a file to a task (members only); 413 or 415 for files that cannot be attached."""
    task = access.task_for(current_user, task_id)
    try:
        attachment = attachments.save(current_user, task, request.files.get("file"))
    except Invalid as invalid:
        return render_detail(task, upload_error=invalid.fields["file"], status=400)
    flash(f"Attached {attachment.name}.", "success")
    return redirect(url_for("tasks.detail", task_id=task.id, _anchor="attachments"), code=303)


@bp.route("/attachments/<id:attachment_id>")
def download_attachment(attachment_id):
    """Download an attachment (members only), always as a file, never as a page."""
    return attachments.send(current_user, access.attachment_for(current_user, attachment_id))


@bp.route("/attachments/<id:attachment_id>/delete", methods=["POST"])
def delete_attachment(attachment_id):
    """Delete an attachment and its file: its uploader or the project's owner may."""
    attachment = access.attachment_for(current_user, attachment_id)
    task_id = attachment.task_id
    attachments.delete(current_user, attachment)
    flash(f"Deleted {attachment.name}.", "info")
    return redirect(url_for("tasks.detail", task_id=task_id, _anchor="attachments"), code=303)
