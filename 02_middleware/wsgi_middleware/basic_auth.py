"""HTTP Basic authentication for some paths, answered by the middleware before the app runs.

The client sends ``Authorization: Basic <base64 of "user:password">``. Anything else
(no header, another scheme, bad base64, bytes that are not UTF-8, no colon, wrong
credentials) gets ``401 Unauthorized`` with ``WWW-Authenticate``, which makes a browser
ask for a login. Malformed headers are the client's problem, never a 500.

On success the middleware sets ``REMOTE_USER``, the CGI variable for "who is this",
and calls the app, which never sees the password. The credentials come from the
environment variables ``BASIC_AUTH_USER`` and ``BASIC_AUTH_PASSWORD``; the defaults
below are for development only. Comparisons use ``hmac.compare_digest``, whose time
does not depend on where two strings first differ, so response times leak nothing.

Basic auth sends the password with every request, readable by anyone on the path
unless the connection is HTTPS. In production you would use HTTPS plus sessions
(stage 06, Flask-Login in the capstone) or tokens (the capstone's API).
"""

import base64
import binascii
import hmac
import html
import os

DEFAULT_USER = "learner"
DEFAULT_PASSWORD = "wsgi-is-fun"  # noqa: S105 (a documented development default)


def credentials_from_env(environ=os.environ):
    """Return (user, password) from BASIC_AUTH_USER and BASIC_AUTH_PASSWORD, or the defaults."""
    return (
        environ.get("BASIC_AUTH_USER", DEFAULT_USER),
        environ.get("BASIC_AUTH_PASSWORD", DEFAULT_PASSWORD),
    )


def parse_basic(header):
    """Return (user, password) from an Authorization header value, or None if it is malformed."""
    scheme, _, token = header.strip().partition(" ")
    if scheme.lower() != "basic" or not token.strip():
        return None
    try:
        decoded = base64.b64decode(token.strip().encode("ascii"), validate=True).decode("utf-8")
    except (UnicodeError, binascii.Error):  # non-ASCII header, bad base64, or not UTF-8
        return None
    user, colon, password = decoded.partition(":")
    return (user, password) if colon else None


class BasicAuth:
    """Middleware: require Basic credentials for paths under `protected`; others pass freely."""

    def __init__(self, app, protected, credentials=None, realm="02_middleware"):
        self.app = app
        self.protected = tuple(protected)
        self.user, self.password = credentials or credentials_from_env()
        self.realm = realm

    def __call__(self, environ, start_response):
        """Let unprotected paths through; for protected ones, check first, then call the app."""
        if not self.is_protected(environ.get("PATH_INFO", "")):
            return self.app(environ, start_response)
        given = parse_basic(environ.get("HTTP_AUTHORIZATION", ""))
        if given is None or not self.check(*given):
            return self.challenge(start_response)
        environ["REMOTE_USER"] = given[0]
        return self.app(environ, start_response)

    def is_protected(self, path):
        """True for a protected path and anything below it ('/secret/x', but not '/secretary')."""
        return any(path == p or path.startswith(p.rstrip("/") + "/") for p in self.protected)

    def check(self, user, password):
        """Compare both fields in constant time, and always both.

        A wrong user then costs what a wrong password costs, so response times do not
        reveal which user names exist.
        """
        user_ok = hmac.compare_digest(user.encode(), self.user.encode())
        password_ok = hmac.compare_digest(password.encode(), self.password.encode())
        return user_ok and password_ok

    def challenge(self, start_response):
        """Answer 401 with the header that makes a browser ask for a login."""
        title = "401 Unauthorized"
        body = (
            f"<!doctype html>\n<title>{title}</title>\n<h1>{title}</h1>\n"
            f"<p>This page needs a login for {html.escape(self.realm)}.</p>\n"
        ).encode()
        start_response(
            title,
            [
                ("WWW-Authenticate", f'Basic realm="{self.realm}", charset="UTF-8"'),
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
            ],
        )
        return [body]
