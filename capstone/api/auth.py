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

from capstone.database import db
from capstone.models import User
from capstone.models.base import MAX_ID
from capstone.models.base import utcnow

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


def user_from_token(token):
    """The active user a valid, unrevoked token belongs to, or None."""
    try:
        claims = jwt.decode(
            token,
            current_app.config["SECRET_KEY"],
            algorithms=[ALGORITHM],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.InvalidTokenError:
        return None
    subject = claims["sub"]
    valid_id = subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID
    user = db.session.get(User, int(subject)) if valid_id else None
    if user is None or not user.active or claims.get("sid") != user.session_token:
        return None
    return user


def refuse(message):
    """The 401 for a missing or bad token, with the header that names the scheme."""
    return Unauthorized(message, www_authenticate=WWWAuthenticate("bearer"))


def token_required(view):
    """Decorate an API view: it runs only with a valid token, and finds its user in g.api_user."""

    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise refuse("Send a token: Authorization: Bearer <token>.")
        g.api_user = user_from_token(token.strip())
        if g.api_user is None:
            raise refuse("The token is invalid, expired or revoked.")
        return view(*args, **kwargs)

    return wrapped
