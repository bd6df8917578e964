"""Attachments over the API: list, upload (multipart/form-data), download, delete."""

from flask import g
from flask import request
from werkzeug.exceptions import UnsupportedMediaType

from capstone.api import bp
from capstone.api.auth import token_required
from capstone.api.idempotency import idempotent
from capstone.api.inputs import paging
from capstone.api.serialize import attachment_json
from capstone.api.serialize import page_json
from capstone.services import access
from capstone.services import attachments
from capstone.services.paging import paginate


@bp.route("/tasks/<id:task_id>/attachments")
@token_required
def list_attachments(task_id):
    """The task's attachments, oldest first."""
    task = access.task_for(g.api_user, task_id)
    query = attachments.attachments_of(task)
    return page_json("attachments", paginate(query, *paging()), attachment_json)


@bp.route("/tasks/<id:task_id>/attachments", methods=["POST"])
@token_required
@idempotent
def upload_attachment(task_id):
    """Attach the file sent in the multipart field `file` (members only)."""
    task = access.member_task(g.api_user, task_id)  # 403 before the 415; save checks too
    if request.mimetype != "multipart/form-data":
        raise UnsupportedMediaType("Send the file as multipart/form-data, in a field named file.")
    attachment = attachments.save(g.api_user, task, request.files.get("file"))
    return attachment_json(attachment), 201


@bp.route("/attachments/<id:attachment_id>")
@token_required
def get_attachment(attachment_id):
    """An attachment's details."""
    return attachment_json(access.attachment_for(g.api_user, attachment_id))


@bp.route("/attachments/<id:attachment_id>/content")
@token_required
def download_attachment(attachment_id):
    """The file itself (members only), always as a download."""
    return attachments.send(g.api_user, access.attachment_for(g.api_user, attachment_id))


@bp.route("/attachments/<id:attachment_id>", methods=["DELETE"])
@token_required
def delete_attachment(attachment_id):
    """Delete an attachment: its uploader or the project's owner may."""
    attachments.delete(g.api_user, access.attachment_for(g.api_user, attachment_id))
    return "", 204
