"""Error pages: one template for every HTTP error, with no internals.

The handler starts from `error.get_response()`, so headers such as Allow (405) and
Retry-After survive; only the body is replaced. Unhandled exceptions arrive here as
InternalServerError, after Flask has logged the traceback.
"""

from flask import render_template
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

MESSAGES = {
    400: "The request could not be understood.",
    403: "You are not allowed to do that.",
    404: "There is nothing here. It may have been moved or deleted, or you may not have access.",
    405: "That address does not accept this kind of request.",
    413: "That upload is too large.",
    429: "Too many attempts. Please wait a few minutes and try again.",
    500: "Something went wrong on our side. It has been logged; please try again later.",
}


def render_error(error):
    """Render any HTTPException as the site's error page, keeping its status and headers."""
    response = error.get_response()
    message = error.description if isinstance(error, CSRFError) else MESSAGES.get(error.code)
    response.set_data(
        render_template("error.html", error=error, message=message or error.description)
    )
    response.mimetype = "text/html"
    return response


def init_app(app):
    """Register render_error for every HTTP error."""
    app.register_error_handler(HTTPException, render_error)
