"""Request size limits: MAX_CONTENT_LENGTH (2 MiB) everywhere, more for file uploads.

The limit is raised per request, only on the endpoints that take a file, and before
anything reads the body: this hook is registered ahead of the CSRF check, which reads
the form. Werkzeug then refuses a larger body with 413 while reading it, before it is
all in memory or on disk.
"""

from flask import current_app
from flask import request

UPLOAD_ENDPOINTS = {"tasks.upload_attachment", "api.upload_attachment"}
FORM_OVERHEAD = 64 * 1024  # multipart boundaries, headers, the CSRF field


def raise_limit_for_uploads():
    """On an upload endpoint, allow a file of MAX_ATTACHMENT_SIZE plus the form around it."""
    if request.endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = current_app.config["MAX_ATTACHMENT_SIZE"] + FORM_OVERHEAD


def init_app(app):
    """Register the hook; call this before any extension whose hooks read the body."""
    app.before_request(raise_limit_for_uploads)
