"""The Idempotency-Key header on the API's creates: a retried POST gets the first answer.

    @bp.route("/projects", methods=["POST"])
    @token_required
    @idempotent
    def create_project(): ...

Keys are the caller's own (two users may use the same key) and kept 24 hours; the
rules are in services/idempotency.py. The view's own commit commits the key.
"""

import functools
import re

from flask import current_app
from flask import g
from flask import request
from werkzeug.exceptions import Conflict

from capstone.api.inputs import BadQuery
from capstone.services import idempotency
from capstone.services.errors import Invalid

HEADER = "Idempotency-Key"
KEY = re.compile(r"[\x21-\x7e]{1,200}")  # visible ASCII, as the header's draft (RFC) asks
REPLAYED = "Idempotent-Replayed"  # on an answer given again


def body_parts():
    """The request's body as the parts that make it the same request.

    A form's fields and files, since the form is parsed (before_request reads it) and
    the raw body is gone by now, and since a multipart boundary differs between two
    sends of one form; else the raw body.
    """
    if not request.files and not request.form:
        return [request.get_data()]
    parts = [f"{name}={value}".encode() for name, value in request.form.items(multi=True)]
    for name, upload in request.files.items(multi=True):
        content = upload.stream.read()
        upload.stream.seek(0)
        parts.append(f"{name}:{upload.filename}:{upload.mimetype}:".encode() + content)
    return sorted(parts)  # the order of a form's fields does not make it another request


def idempotent(view):
    """Decorate an API create (after token_required) to honour the Idempotency-Key header."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        if not KEY.fullmatch(key):
            raise BadQuery({HEADER: "1 to 200 visible ASCII characters."})
        print_ = idempotency.fingerprint(request.method, request.path, body_parts())
        try:
            kept = idempotency.reserve(g.api_user, key, print_)
        except idempotency.InProgress:
            raise Conflict(
                f"A request with this {HEADER} was received and has no answer yet: it may"
                " still be running. Send it again in a moment, or look before you do."
            ) from None
        except idempotency.Mismatch:
            raise Invalid({HEADER: "This key was used for another request."}) from None
        if kept is not None:
            status, body = kept
            headers = {REPLAYED: "true", "Cache-Control": "no-store"}
            return current_app.response_class(body, status, headers, mimetype="application/json")
        response = current_app.make_response(view(*args, **kwargs))  # commits the key with it
        if response.status_code < 300:
            try:
                idempotency.record(
                    g.api_user, key, response.status_code, response.get_data(as_text=True)
                )
            except Exception:  # the create is done: say so, whatever befalls its copy
                current_app.logger.warning("The answer for %s %r was not kept", HEADER, key)
        return response

    return wrapped
