"""Request size limits: MAX_CONTENT_LENGTH (2 MiB) everywhere, more for file uploads.

The limit is raised per request, only on the endpoints that take a file, and before
anything reads the body: this hook is registered ahead of the CSRF check, which reads
the form. Werkzeug then refuses a larger body with 413 while reading it, before it is
all in memory or on disk.

A body sent in chunks (`Transfer-Encoding: chunked`, no Content-Length) is read whole
by the next hook, against the same limit, and handed on with its length, as nginx does
in front. Without it, the server decodes the chunks while a view reads: a malformed
chunk raised the server's own exception in the view (gunicorn's InvalidChunkSize, a
500), and a body over the limit was cut at the limit without a word (Werkzeug stops
reading there), then failed as bad JSON, or parsed.
"""

import tempfile

from flask import current_app
from flask import request
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import RequestEntityTooLarge

UPLOAD_ENDPOINTS = {"tasks.upload_attachment", "api.upload_attachment"}
FORM_OVERHEAD = 64 * 1024  # multipart boundaries, headers, the CSRF field
BLOCK = 64 * 1024
IN_MEMORY = 1024 * 1024  # a larger chunked body goes on to a temporary file


def raise_limit_for_uploads():
    """On an upload endpoint, allow a file of MAX_ATTACHMENT_SIZE plus the form around it."""
    if request.endpoint in UPLOAD_ENDPOINTS:
        request.max_content_length = current_app.config["MAX_ATTACHMENT_SIZE"] + FORM_OVERHEAD


def read_chunked_body():
    """Read a chunked body whole, within the limit; then it looks like any other body.

    Runs before anything has opened `request.stream`, which is made from the environ
    on first use: the environ then says Content-Length, and the input is the copy.
    """
    environ = request.environ
    if "chunked" not in environ.get("HTTP_TRANSFER_ENCODING", "").lower():
        return
    limit = request.max_content_length
    body = tempfile.SpooledTemporaryFile(max_size=IN_MEMORY)  # noqa: SIM115 (lives on as the input)
    size = 0
    while True:
        try:
            data = environ["wsgi.input"].read(BLOCK)
        except Exception as error:
            # Whatever the server raises while decoding the chunks (gunicorn's
            # ParseException, Werkzeug's OSError) means the body cannot be read.
            raise BadRequest("The chunked body is malformed.") from error
        if not data:
            break
        size += len(data)
        if limit is not None and size > limit:
            raise RequestEntityTooLarge()
        body.write(data)
    body.seek(0)
    environ["wsgi.input"] = body
    environ["CONTENT_LENGTH"] = str(size)
    del environ["HTTP_TRANSFER_ENCODING"]


def init_app(app):
    """Register the hooks; call this before any extension whose hooks read the body."""
    app.before_request(raise_limit_for_uploads)
    app.before_request(read_chunked_body)
