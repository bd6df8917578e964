"""Error pages: one template for every HTTP error, with no internals; JSON under /api.

The handler starts from `error.get_response()`, so headers such as Allow (405) and
WWW-Authenticate (401) survive; only the body is replaced. Unhandled exceptions arrive
here as InternalServerError, after Flask has logged the traceback.
"""

from flask import current_app
from flask import render_template
from flask import request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from capstone.web import ExplainedBadRequest

MESSAGES = {
    400: "The request could not be understood.",
    403: "You are not allowed to do that.",
    404: "There is nothing here. It may have been moved or deleted, or you may not have access.",
    405: "That address does not accept this kind of request.",
    413: "That upload is too large.",
    429: "Too many attempts. Please wait a few minutes and try again.",
    500: "Something went wrong on our side. It has been logged; please try again later.",
}


# Under /api, errors are JSON with a machine-readable code.
API_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "too_many_requests",
    500: "internal_error",
}


def render_error(error):
    """Render any HTTPException as the site's error page (JSON under /api), keeping its headers."""
    if request.path.startswith("/api/"):
        return render_json_error(error)
    response = error.get_response()
    explained = isinstance(error, CSRFError | ExplainedBadRequest)
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
    response = error.get_response()
    # Compact, like the JSON Flask sends for the dicts the API views return.
    response.set_data(current_app.json.dumps(payload, separators=(",", ":")))
    response.mimetype = "application/json"
    return response


def init_app(app):
    """Register render_error for every HTTP error."""
    app.register_error_handler(HTTPException, render_error)
