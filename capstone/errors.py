"""Error pages: one template for every HTTP error, with no internals; JSON under /api.

The handler starts from `error.get_response()`, so headers such as Allow (405) and
WWW-Authenticate (401) survive; only the body is replaced. Unhandled exceptions arrive
here as InternalServerError, after Flask has logged the traceback. A database that
gave up on a transaction for a reason that passes (a deadlock broken, a serialization
failure, SQLite busy past its timeout) is a 503 with Retry-After: the transaction it
broke off was rolled back, and the same request sent again will most likely work.
"""

from flask import current_app
from flask import render_template
from flask import request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import OperationalError
from werkzeug.exceptions import HTTPException
from werkzeug.exceptions import ServiceUnavailable

from capstone.http import ExplainedBadRequest
from capstone.services.errors import PlanLimit

MESSAGES = {
    400: "The request could not be understood.",
    403: "You are not allowed to do that.",
    404: "There is nothing here. It may have been moved or deleted, or you may not have access.",
    405: "That address does not accept this kind of request.",
    413: "That upload is too large.",
    429: "Too many attempts. Please wait a few minutes and try again.",
    500: "Something went wrong on our side. It has been logged; please try again later.",
    503: "We are busy: what this request was changing was not saved. Please try again.",
}

# SQLSTATEs of failures that pass: serialization_failure, deadlock_detected, lock_not_available.
TRANSIENT_SQLSTATES = {"40001", "40P01", "55P03"}


# Under /api, errors are JSON with a machine-readable code. nginx in front sends the
# same bodies for the errors it answers itself (408, 502, 504 among them): see
# deploy/nginx.conf, which test_deploy_files.py checks against render_json_error.
API_CODES = {
    400: "bad_request",
    401: "unauthorized",
    402: "plan_limit",  # services.errors.PlanLimit; `limit` says which
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
    502: "bad_gateway",
    503: "unavailable",
    504: "gateway_timeout",
}


def render_error(error):
    """Render any HTTPException as the site's error page (JSON under /api), keeping its headers."""
    if request.path.startswith("/api/"):
        return render_json_error(error)
    response = error.get_response()
    explained = isinstance(error, CSRFError | ExplainedBadRequest | PlanLimit)
    message = error.description if explained else MESSAGES.get(error.code)
    response.set_data(
        render_template("error.html", error=error, message=message or error.description)
    )
    response.mimetype = "text/html"
    return response


def render_json_error(error):
    """{"error": code, "message": text, "fields": {...}} with the error's status and headers."""
    payload = {"error": API_CODES.get(error.code, "error"), "message": error.description}
    if getattr(error, "fields", None):
        payload["fields"] = error.fields
    if isinstance(error, PlanLimit):
        payload["limit"] = error.limit
    response = error.get_response()
    # Compact, like the JSON Flask sends for the dicts the API views return.
    response.set_data(current_app.json.dumps(payload, separators=(",", ":")))
    response.mimetype = "application/json"
    return response


def is_transient(error):
    """True for a database error that another try will most likely not meet."""
    if getattr(error.orig, "sqlstate", None) in TRANSIENT_SQLSTATES:
        return True
    return "database is locked" in str(error.orig)  # SQLite, busy past its timeout


def render_database_error(error):
    """A transient database failure: 503 with Retry-After; any other is a 500, as before."""
    if not is_transient(error):
        raise error
    current_app.logger.warning("%s %s: retry later (%s)", request.method, request.path, error.orig)
    return render_error(ServiceUnavailable(MESSAGES[503], retry_after=1))


def init_app(app):
    """Register render_error for every HTTP error, and the 503 for transient database errors."""
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(OperationalError, render_database_error)
