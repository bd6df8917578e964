"""The Idempotency-Key header on the API's creates: a retried POST gets the first answer.

    @bp.route("/projects", methods=["POST"])
    @token_required
    @idempotent
    def create_project(): ...

Keys are the caller's own (two users may use the same key) and kept 24 hours; the
rules are in services/idempotency.py.
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


def idempotent(view):
    """Decorate an API create (after token_required) to honour the Idempotency-Key header."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        key = request.headers.get(HEADER)
        if key is None:
            return view(*args, **kwargs)
        if not KEY.fullmatch(key):
            raise BadQuery({HEADER: "1 to 200 visible ASCII characters."})
        print_ = idempotency.fingerprint(request.method, request.path, request.get_data())
        try:
            kept = idempotency.reserve(g.api_user, key, print_)
        except idempotency.InProgress:
            raise Conflict(
                f"A request with this {HEADER} is running: send it again soon."
            ) from None
        except idempotency.Mismatch:
            raise Invalid({HEADER: "This key was used for another request."}) from None
        if kept is not None:
            status, body = kept
            headers = {REPLAYED: "true", "Cache-Control": "no-store"}
            return current_app.response_class(body, status, headers, mimetype="application/json")
        try:
            response = current_app.make_response(view(*args, **kwargs))
        except BaseException:
            idempotency.release(g.api_user, key)
            raise
        if response.status_code < 300:
            idempotency.record(
                g.api_user, key, response.status_code, response.get_data(as_text=True)
            )
        else:
            idempotency.release(g.api_user, key)
        return response

    return wrapped
