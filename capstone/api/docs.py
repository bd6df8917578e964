"""The API's reference for people: Swagger UI over /api/v1/openapi.json, at /api/v1/docs.

Swagger UI's files come from the flask-swagger-ui package (its dist/ folder, a copy of
Swagger UI's own release) and are served from this site, so the Content-Security-Policy
stays "this site only": no CDN. The page starts Swagger UI from static/api-docs.js, not
from an inline script, which that policy would block. Only the two files the page needs
are served, by name.
"""

from importlib.resources import files

from flask import Blueprint
from flask import render_template
from flask import send_from_directory
from werkzeug.exceptions import NotFound

# A blueprint of its own: a page for people beside the JSON API, not one of its operations.
bp = Blueprint("api_docs", __name__, url_prefix="/api/v1/docs")
SWAGGER_UI = files("flask_swagger_ui") / "dist"
SWAGGER_FILES = {"swagger-ui.css", "swagger-ui-bundle.js"}
SWAGGER_VERSION = (SWAGGER_UI / "VERSION").read_text(encoding="utf-8").strip()


@bp.route("")
def docs():
    """The OpenAPI document, rendered: every endpoint, its parameters, bodies and answers."""
    return render_template("api/docs.html", swagger_version=SWAGGER_VERSION)


@bp.route("/<name>")
def swagger_file(name):
    """One of Swagger UI's files; nothing else from its folder."""
    if name not in SWAGGER_FILES:
        raise NotFound()
    return send_from_directory(str(SWAGGER_UI), name, max_age=24 * 3600)
