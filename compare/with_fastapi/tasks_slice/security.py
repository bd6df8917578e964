"""The capstone's API tokens, checked by a FastAPI dependency.

Same secret (SECRET_KEY), same claims (`sub`, `sid`, `iat`, `exp`), same
revocation rule: an inactive user, or a session token that has changed since the
token was issued, is refused. HTTPBearer reads the header and puts the scheme in
the OpenAPI document; auto_error=False, so the 401 and its message are ours.
"""

import os
from typing import Annotated

import jwt
from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.security import HTTPBearer
from sqlalchemy.orm import Session

from capstone.models.base import MAX_ID

from tasks_slice.database import get_session
from tasks_slice.errors import ApiError
from tasks_slice.tables import User

SECRET_KEY = os.environ.get("SECRET_KEY", "capstone-development-key-not-secret")
bearer = HTTPBearer(auto_error=False)
# The capstone's own words for each refusal (capstone/api/auth.py), so clients can tell them apart.
EXPIRED = "The token has expired: ask POST /api/v1/tokens for a new one."
INVALID = "The token is not valid: it is malformed, or was not signed by this server."
REVOKED = "The token was revoked by a logout, a new password or a deactivation."


def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    session: Annotated[Session, Depends(get_session)],
) -> User:
    """The user the request's token belongs to; 401 without a valid, unrevoked token."""
    if credentials is None or not credentials.credentials.strip():
        raise ApiError(401, "Send a token: Authorization: Bearer <token>.")
    return user_from_token(session, credentials.credentials.strip())


def user_from_token(session, token):
    """The active user a valid, unrevoked token belongs to; else a 401 that says why."""
    try:
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "iat", "sub"]}
        )
    except jwt.ExpiredSignatureError:
        raise ApiError(401, EXPIRED) from None
    except jwt.InvalidTokenError:
        raise ApiError(401, INVALID) from None
    subject = claims["sub"]
    valid_id = subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID
    user = session.get(User, int(subject)) if valid_id else None
    if user is None:
        raise ApiError(401, INVALID)
    if not user.active or claims.get("sid") != user.session_token:
        raise ApiError(401, REVOKED)
    return user
