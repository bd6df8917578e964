"""Security headers on every response, and the NUL character kept out of the database.

The Content-Security-Policy allows scripts, styles and images from this site only
(the stylesheet is served locally, there is no CDN), so an injected <script> would
not run even if escaping ever failed. frame-ancestors and X-Frame-Options forbid
framing (clickjacking); nosniff stops browsers guessing content types. A view may
set its own policy (policy_posting_to: the billing page, whose forms lead to Stripe). Pages of a
logged-in user and API answers are `no-store`.

Over HTTPS, production adds Strict-Transport-Security (HSTS_SECONDS, a year): the
browser then goes straight to https:// for that long, so nobody on the network can
keep it on plain HTTP. Never in development, where a browser that saw it once would
refuse http://localhost; never over plain HTTP, where it would mean nothing.

PostgreSQL cannot store a NUL in text: sent one, it fails the statement, a 500. A form
says which field has one (forms.Form) and keeps the rest of what was typed; the query
string is refused at once; and whatever else would carry one to the database (a value
a view reads from the request itself) is refused by the engine's hook below, a 400.
"""

from flask import current_app
from flask import request
from flask_login import current_user
from sqlalchemy import event

from capstone.database import db
from capstone.http import ExplainedBadRequest

NUL_IN_TEXT = "The NUL character is not allowed in text."

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def policy_posting_to(*origins):
    """The Content-Security-Policy of a page whose forms may also lead to `origins`.

    form-action also governs where a form's answer redirects: the billing page's
    buttons answer with a 303 to Stripe's hosted pages, which 'self' alone would block.
    """
    return CONTENT_SECURITY_POLICY.replace(
        "form-action 'self'", " ".join(["form-action 'self'", *origins])
    )


HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}


def add_security_headers(response):
    """Set the headers above and HSTS (over HTTPS) unless a view did; no-store if private."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    # is_secure: the scheme as the client used it (ProxyFix, behind a proxy).
    if request.is_secure and (seconds := current_app.config["HSTS_SECONDS"]):
        response.headers.setdefault("Strict-Transport-Security", f"max-age={seconds}")
    # The header first: an API call then never loads the session's user (Flask-Login's
    # loader, a cookie decode and a query) just to set this header.
    if request.endpoint != "static" and (
        "Authorization" in request.headers or current_user.is_authenticated
    ):
        # Someone's own data: no cache may keep it, not even the browser's, whose copy
        # the back button would show again after logging out.
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def refuse_nul_in_query_string():
    """400 for a NUL character in the query string: an address never needs one."""
    if any("\x00" in value for value in request.args.values()):
        raise ExplainedBadRequest(NUL_IN_TEXT)


def refuse_nul_parameters(connection, cursor, statement, parameters, context, executemany):
    """Refuse a statement sending text with a NUL, before the database fails on it."""
    # Many rows come as a list; one row (even of a batched insert) as a tuple or dict.
    for row in parameters if isinstance(parameters, list) else [parameters]:
        values = row.values() if isinstance(row, dict) else row or ()
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise ExplainedBadRequest(NUL_IN_TEXT)


def init_app(app):
    """Add the headers to every response, and keep NUL characters out of the database."""
    app.before_request(refuse_nul_in_query_string)
    app.after_request(add_security_headers)
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", refuse_nul_parameters)
