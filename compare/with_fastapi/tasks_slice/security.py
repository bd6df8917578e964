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


def current_user(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    session: Annotated[Session, Depends(get_session)],
) -> User:
    """The user the request's token belongs to; 401 without a valid, unrevoked token."""
    if credentials is None or not credentials.credentials.strip():
        raise ApiError(401, "Send a token: Authorization: Bearer <token>.")
    user = user_from_token(session, credentials.credentials.strip())
    if user is None:
        raise ApiError(401, "The token is invalid, expired or revoked.")
    return user


def user_from_token(session, token):
    """The active user a valid, unrevoked token belongs to, or None."""
    try:
        claims = jwt.decode(
            token, SECRET_KEY, algorithms=["HS256"], options={"require": ["exp", "iat", "sub"]}
        )
    except jwt.InvalidTokenError:
        return None
    subject = claims["sub"]
    if not (subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID):
        return None
    user = session.get(User, int(subject))
    if user is None or not user.active or claims.get("sid") != user.session_token:
        return None
    return user
