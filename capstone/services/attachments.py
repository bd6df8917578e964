"""Files attached to tasks: checked, stored under server-made names, served as downloads.

* The type comes from the file's first bytes, never from its name or the browser's
  claim, and must be on the allowlist (ATTACHMENT_TYPES). Text of any kind (HTML and
  SVG included) is stored as text/plain, so it can never run as a page.
* On disk a file is called by a random name in UPLOAD_FOLDER; the name the uploader
  gave is only kept in the database and sent back in Content-Disposition. Paths like
  `../../etc/passwd`, device names like `CON` and names of dots never reach the disk.
* Deleting an attachment, its task or its project removes the file after the commit.
"""

import codecs
import contextlib
import os
import re
import secrets

from flask import current_app
from flask import send_file
from sqlalchemy import select
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.exceptions import UnsupportedMediaType

from capstone.database import db
from capstone.models import Attachment
from capstone.services import access
from capstone.services import limits
from capstone.services.errors import Invalid

MAX_NAME_LENGTH = 200
SNIFF_BYTES = 2048
CHUNK = 64 * 1024
# The first bytes of each binary type on the allowlist (Office and OpenDocument files are ZIPs).
SIGNATURES = [
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
]
TYPE_NAMES = "text, PNG, JPEG, GIF, WebP, PDF, ZIP (and Office documents)"


def clean_name(filename):
    """The name to show for an uploaded file: its last path part, printable, never empty."""
    name = re.split(r"[\\/]", filename or "")[-1]
    name = "".join(character for character in name if character.isprintable()).strip()
    if not name.strip(". "):
        return "unnamed"
    if len(name) > MAX_NAME_LENGTH:
        stem, extension = os.path.splitext(name)
        extension = extension[:20]
        name = stem[: MAX_NAME_LENGTH - len(extension)] + extension
    return name


# The name in a part's Content-Disposition, as sent. Browsers and curl send a Windows
# path's backslashes as they are (filename="C:\Users\x\notes.txt"), while Werkzeug reads
# a backslash in a quoted value as an escape and drops it: "C:Usersxnotes.txt".
SENT_FILENAME = re.compile(r'\bfilename="([^"]*)"')


def sent_name(upload):
    """The file name the client sent, backslashes kept, so clean_name can take its last part."""
    disposition = upload.headers.get("Content-Disposition", "")
    sent = SENT_FILENAME.search(disposition)
    if sent and "\\" in sent.group(1) and "filename*" not in disposition:
        return sent.group(1)
    return upload.filename


def sniff(head, complete):
    """The content type of a file starting with `head` (all of it if `complete`), or None."""
    for signature, content_type in SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if b"\x00" in head:
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
    except UnicodeDecodeError:
        return None
    return "text/plain"


def upload_folder():
    """Where attachments live: UPLOAD_FOLDER, or "uploads" in the instance folder."""
    folder = current_app.config["UPLOAD_FOLDER"] or os.path.join(
        current_app.instance_path, "uploads"
    )
    os.makedirs(folder, exist_ok=True)
    return folder


def path_of(attachment):
    """The file of an attachment on disk."""
    return os.path.join(upload_folder(), attachment.stored_name)


def write_file(path, head, stream, limit):
    """Write `head` then the rest of `stream` to a new file; 413 once it passes `limit` bytes."""
    size = 0
    with open(path, "xb") as target:
        chunk = head
        while chunk:
            size += len(chunk)
            if size > limit:
                megabytes = limit / (1024 * 1024)
                raise RequestEntityTooLarge(f"A file can be at most {megabytes:g} MB.")
            target.write(chunk)
            chunk = stream.read(CHUNK)
    return size


def save(uploader, task, upload):
    """A member stores a werkzeug FileStorage as an attachment of `task`; 413, 415 or Invalid.

    PlanLimit (402) when the file would take the organization past its plan's storage.
    """
    access.require_member(uploader, task.project)
    if upload is None:
        raise Invalid({"file": "Choose a file to upload."})
    head = upload.stream.read(SNIFF_BYTES)
    content_type = sniff(head, complete=len(head) < SNIFF_BYTES)
    if not head:
        raise Invalid({"file": "The file is empty."})
    if content_type not in current_app.config["ATTACHMENT_TYPES"]:
        raise UnsupportedMediaType(f"This type of file cannot be attached. Allowed: {TYPE_NAMES}.")
    stored_name = secrets.token_hex(16)
    path = os.path.join(upload_folder(), stored_name)
    try:
        size = write_file(path, head, upload.stream, current_app.config["MAX_ATTACHMENT_SIZE"])
        limits.require_room(task.project.organization, "storage_bytes", adding=size)
        attachment = Attachment(
            task=task,
            uploader=uploader,
            name=clean_name(sent_name(upload)),
            stored_name=stored_name,
            content_type=content_type,
            size=size,
        )
        db.session.add(attachment)
        db.session.commit()
    except BaseException:
        db.session.rollback()
        remove_files([stored_name])  # no file without its row
        raise
    return attachment


def send(user, attachment):
    """The file as a download, for members: never inline, never sniffed, never kept by caches."""
    access.require_member(user, attachment.task.project)
    response = send_file(
        path_of(attachment),
        mimetype=attachment.content_type,
        as_attachment=True,
        download_name=attachment.name,  # Werkzeug encodes non-ASCII names per RFC 6266/5987
        max_age=0,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    # Even if a browser rendered it, the page could run nothing and load nothing.
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.cache_control.private = True
    return response


def attachments_of(task):
    """A select() of the task's attachments, oldest first, uploaders loaded in the same query."""
    return (
        select(Attachment)
        .where(Attachment.task_id == task.id)
        .options(joinedload(Attachment.uploader))
        .order_by(Attachment.id)
    )


def delete(user, attachment):
    """Delete an attachment and its file: its uploader or the project's owner may."""
    access.require_member(user, attachment.task.project)  # an uploader no longer a member
    if user.id not in (attachment.uploader_id, attachment.task.project.owner_id):
        raise Forbidden("Only the uploader or the project's owner can delete an attachment.")
    db.session.delete(attachment)
    db.session.commit()
    remove_files([attachment.stored_name])


def stored_names(*conditions):
    """The stored names of the attachments of the tasks matching `conditions`."""
    return db.session.scalars(
        select(Attachment.stored_name).join(Attachment.task).where(*conditions)
    ).all()


def remove_files(names):
    """Remove attachment files; one already gone is not an error."""
    folder = upload_folder()
    for name in names:
        with contextlib.suppress(FileNotFoundError):
            os.remove(os.path.join(folder, name))
