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
    # TODO: "Basic <token>" (the scheme in any case); base64-decode the token strictly
    # (validate=True), then UTF-8; split at the FIRST colon (passwords may hold colons).
    # Any problem at all returns None: a malformed header is the client's, never a 500.
    raise NotImplementedError("TODO: parse_basic")


class BasicAuth:
    """Middleware: require Basic credentials for paths under `protected`; others pass freely."""

    def __init__(self, app, protected, credentials=None, realm="02_middleware"):
        self.app = app
        self.protected = tuple(protected)
        self.user, self.password = credentials or credentials_from_env()
        self.realm = realm

    def __call__(self, environ, start_response):
        """Let unprotected paths through; for protected ones, check first, then call the app."""
        # TODO: unprotected: straight to the app. Protected: parse HTTP_AUTHORIZATION;
        # missing or wrong -> self.challenge(start_response) (the app never runs);
        # right -> set environ["REMOTE_USER"] to the user, then call the app.
        raise NotImplementedError("TODO: BasicAuth.__call__")

    def is_protected(self, path):
        """True for a protected path and anything below it ('/secret/x', but not '/secretary')."""
        raise NotImplementedError("TODO: BasicAuth.is_protected")

    def check(self, user, password):
        """Compare both fields in constant time, and always both.

        A wrong user then costs what a wrong password costs, so response times do not
        reveal which user names exist.
        """
        # TODO: hmac.compare_digest on the encoded strings, for the user AND the
        # password, both computed before combining them (no short-circuit `and`).
        raise NotImplementedError("TODO: BasicAuth.check")

    def challenge(self, start_response):
        """Answer 401 with the header that makes a browser ask for a login."""
        # TODO: "401 Unauthorized", a WWW-Authenticate header naming Basic and the realm
        # (Basic realm="...", charset="UTF-8"), an HTML body, and its Content-Length.
        raise NotImplementedError("TODO: BasicAuth.challenge")
