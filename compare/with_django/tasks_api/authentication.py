"""The capstone's API tokens, checked by a DRF authentication class.

Same secret (SECRET_KEY), same claims (`sub`, `sid`, `iat`, `exp`), same
revocation rule: an inactive user, or a session token that has changed since the
token was issued, is refused. DRF calls `authenticate` before the view; what it
returns becomes `request.user`, and AuthenticationFailed becomes a 401.
"""

import jwt
from django.conf import settings
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from capstone.models.base import MAX_ID

from tasks_api.models import User


class CapstoneTokenAuthentication(BaseAuthentication):
    """Authorization: Bearer <the capstone's JWT>."""

    def authenticate(self, request):
        """Return (user, token), or refuse; every view of this API needs a token."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationFailed("Send a token: Authorization: Bearer <token>.")
        user = user_from_token(token.strip())
        if user is None:
            raise AuthenticationFailed("The token is invalid, expired or revoked.")
        return user, token

    def authenticate_header(self, request):
        """The WWW-Authenticate of a 401 (without one, DRF would answer 403)."""
        return "Bearer"


def user_from_token(token):
    """The active user a valid, unrevoked token belongs to, or None."""
    try:
        claims = jwt.decode(
            token,
            settings.CAPSTONE_SECRET_KEY,
            algorithms=["HS256"],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.InvalidTokenError:
        return None
    subject = claims["sub"]
    if not (subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID):
        return None
    user = User.objects.filter(pk=int(subject)).first()
    if user is None or not user.active or claims.get("sid") != user.session_token:
        return None
    return user
