"""API tokens: JWTs signed with HS256, tied to the user's session token so they can be revoked.

A token's claims are `sub` (the user id), `iat`, `exp`, and `sid`, the user's current
session token. Logging out on the web, DELETE /tokens, changing the password or being
deactivated all give the user a new session token, and every earlier token stops working.
Only HS256 is accepted: `alg: none` or another algorithm is refused, whatever the token says.
"""

import functools
from datetime import timedelta

import jwt
from flask import current_app
from flask import g
from flask import request
from werkzeug.datastructures import WWWAuthenticate
from werkzeug.exceptions import Unauthorized

from capstone.models.base import MAX_ID
from capstone.models.base import utcnow
from capstone.services import users

ALGORITHM = "HS256"


def issue_token(user):
    """A signed token for `user`, valid for API_TOKEN_SECONDS."""
    now = utcnow()
    claims = {
        "sub": str(user.id),
        "sid": user.session_token,
        "iat": now,
        "exp": now + timedelta(seconds=current_app.config["API_TOKEN_SECONDS"]),
    }
    return jwt.encode(claims, current_app.config["SECRET_KEY"], algorithm=ALGORITHM)


# What a client is told when its token is refused, per RFC 6750: error="invalid_token"
# in WWW-Authenticate, and one of these as its error_description (and the JSON message).
EXPIRED = "The token has expired: ask POST /api/v1/tokens for a new one."
INVALID = "The token is not valid: it is malformed, or was not signed by this server."
REVOKED = "The token was revoked by a logout, a new password or a deactivation."


def user_from_token(token):
    """The active user a valid, unrevoked token belongs to; else a 401 that says why."""
    try:
        claims = jwt.decode(
            token,
            current_app.config["SECRET_KEY"],
            algorithms=[ALGORITHM],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.ExpiredSignatureError:
        raise refuse(EXPIRED, error="invalid_token") from None
    except jwt.InvalidTokenError:
        raise refuse(INVALID, error="invalid_token") from None
    subject = claims["sub"]
    valid_id = subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID
    user = users.user_by_id(int(subject)) if valid_id else None
    if user is None:
        raise refuse(INVALID, error="invalid_token")
    if not user.active or claims.get("sid") != user.session_token:
        raise refuse(REVOKED, error="invalid_token")
    return user


class BearerChallenge(WWWAuthenticate):
    """`Bearer`, then each parameter quoted (error="invalid_token"), as RFC 6750 writes them.

    Werkzeug quotes only the values that need it; the messages here never hold a quote.
    """

    def to_header(self):
        """The header's value."""
        values = ", ".join(f'{name}="{value}"' for name, value in self.parameters.items())
        return f"Bearer {values}".rstrip()


def refuse(message, error=None):
    """The 401 for a missing or bad token, with the challenge that names the scheme.

    Without a token the challenge is plain `Bearer`; for a refused one it carries the
    RFC 6750 error code and the message, so a client can tell "expired" from "invalid".
    """
    values = {"error": error, "error_description": message} if error else None
    return Unauthorized(message, www_authenticate=BearerChallenge("bearer", values))


def token_required(view):
    """Decorate an API view: it runs only with a valid token, and finds its user in g.api_user."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise refuse("Send a token: Authorization: Bearer <token>.")
        g.api_user = user_from_token(token.strip())
        return view(*args, **kwargs)

    return wrapped
