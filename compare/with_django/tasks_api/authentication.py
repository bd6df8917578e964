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

# The capstone's own words for each refusal (capstone/api/auth.py), so clients can tell them apart.
EXPIRED = "The token has expired: ask POST /api/v1/tokens for a new one."
INVALID = "The token is not valid: it is malformed, or was not signed by this server."
REVOKED = "The token was revoked by a logout, a new password or a deactivation."


class CapstoneTokenAuthentication(BaseAuthentication):
    """Authorization: Bearer <the capstone's JWT>."""

    def authenticate(self, request):
        """Return (user, token), or refuse; every view of this API needs a token."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthenticationFailed("Send a token: Authorization: Bearer <token>.")
        return user_from_token(token.strip()), token

    def authenticate_header(self, request):
        """The WWW-Authenticate of a 401 (without one, DRF would answer 403)."""
        return "Bearer"


def user_from_token(token):
    """The active user a valid, unrevoked token belongs to; else a 401 that says why."""
    try:
        claims = jwt.decode(
            token,
            settings.CAPSTONE_SECRET_KEY,
            algorithms=["HS256"],
            options={"require": ["exp", "iat", "sub"]},
        )
    except jwt.ExpiredSignatureError:
        raise AuthenticationFailed(EXPIRED) from None
    except jwt.InvalidTokenError:
        raise AuthenticationFailed(INVALID) from None
    subject = claims["sub"]
    valid_id = subject.isascii() and subject.isdigit() and 0 < int(subject) <= MAX_ID
    user = User.objects.filter(pk=int(subject)).first() if valid_id else None
    if user is None:
        raise AuthenticationFailed(INVALID)
    if not user.active or claims.get("sid") != user.session_token:
        raise AuthenticationFailed(REVOKED)
    return user
