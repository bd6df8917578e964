"""Error responses for the whole app: HTML pages for the site, JSON under /api.

One handler for every HTTPException, including the InternalServerError that Flask
wraps around an unhandled exception (after logging its traceback). It starts from
`error.get_response()`, so headers such as `Allow` on a 405 survive, and replaces only
the body. The 404 for an unknown /api/... address has no blueprint to handle it, so
the choice between HTML and JSON is made here, by path, for the whole app.
"""

from flask import current_app
from flask import render_template
from flask import request
from werkzeug.exceptions import HTTPException

API_PREFIX = "/api/"


def render_error(error):
    """Turn an HTTPException into a page (or JSON), keeping its status and headers."""
    response = error.get_response()
    if request.path.startswith(API_PREFIX):
        payload = {"error": error.name, "message": error.description}
        # Compact, like the JSON Flask sends for a dict a view returns.
        response.set_data(current_app.json.dumps(payload, separators=(",", ":")))
        response.mimetype = "application/json"
    else:
        response.set_data(render_template("error.html", error=error))
        response.mimetype = "text/html"
    return response


def init_app(app):
    """Register render_error for every HTTP error."""
    app.register_error_handler(HTTPException, render_error)
