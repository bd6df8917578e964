"""The links in account emails: verify an email address, reset a forgotten password.

Each link carries a token signed with SECRET_KEY (itsdangerous), with a purpose of its
own (a verification token cannot reset a password) and an age limit. They are single
use without a table of used tokens: a verification token names the address, and is
refused once that address is verified; a reset token carries a fingerprint of the
current password hash, which the reset itself changes.
"""

import hashlib
import time

from flask import current_app
from itsdangerous import BadSignature
from itsdangerous import SignatureExpired
from itsdangerous import URLSafeTimedSerializer

from capstone.database import db
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services.outbox import external_url
from capstone.services.outbox import queue_email
from capstone.services.passwords import hash_new_password

RESET_EMAIL_INTERVAL_SECONDS = 300  # at most one reset email per account in this time


class BadLink(Exception):
    """A link that is forged, expired, or already used; the message says which."""


def serializer(purpose):
    """A signer for tokens of one purpose."""
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"capstone-{purpose}")


def read_token(purpose, token, max_age):
    """The token's payload; BadLink when it is expired or not ours."""
    try:
        return serializer(purpose).loads(token, max_age=max_age)
    except SignatureExpired:
        raise BadLink("This link has expired. Ask for a new one.") from None
    except BadSignature:
        raise BadLink("This link is not valid. Check that you copied all of it.") from None


def password_fingerprint(user):
    """A short digest of the password hash: it changes when the password does."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def send_verification(user):
    """Queue the email that verifies the user's address (at most once a minute); the email or None.

    None means one was sent within the minute; asking again then sends nothing new.
    """
    token = serializer("verify").dumps([user.id, user.email])
    link = external_url("auth.verify_email", token=token)
    key = f"verify:{user.id}:{int(time.time() // 60)}"
    return queue_email(
        key, user.email, "Confirm your email address", "email/verify.txt", user=user, link=link
    )


def resend_verification(user):
    """Send the verification email again, unless one went within the minute (then None)."""
    email = send_verification(user)
    if email is not None:
        db.session.commit()
    return email


def send_registered_again(user):
    """Tell the owner of an address that someone tried to register it (at most once in 5 min)."""
    key = f"registered-again:{user.id}:{int(time.time() // RESET_EMAIL_INTERVAL_SECONDS)}"
    login, reset = external_url("auth.login"), external_url("auth.forgot_password")
    subject = "Someone tried to register with your address"
    queue_email(
        key, user.email, subject, "email/registered_again.txt", user=user, login=login, reset=reset
    )


def verify_email(token):
    """Mark the address in the token as verified; BadLink if the token is not good (any more)."""
    user_id, email = read_token("verify", token, current_app.config["VERIFY_EMAIL_SECONDS"])
    user = db.session.get(User, user_id)
    if user is None or user.email != email:
        raise BadLink("This link is not valid any more: the address has changed.")
    if user.email_verified_at is not None:
        raise BadLink("This link has already been used: your address is verified.")
    user.email_verified_at = utcnow()
    db.session.commit()
    return user


def request_password_reset(user):
    """Queue a reset link for `user` (found by the caller), if the account is active."""
    if user is None or not user.active:
        return
    token = serializer("reset").dumps([user.id, password_fingerprint(user)])
    link = external_url("auth.reset_password", token=token)
    key = f"reset:{user.id}:{int(time.time() // RESET_EMAIL_INTERVAL_SECONDS)}"
    queue_email(key, user.email, "Reset your password", "email/reset.txt", user=user, link=link)
    db.session.commit()


def user_for_reset(token):
    """The user a reset token is for; BadLink if it is forged, expired or used."""
    user_id, fingerprint = read_token("reset", token, current_app.config["RESET_PASSWORD_SECONDS"])
    user = db.session.get(User, user_id)
    if user is None or not user.active or password_fingerprint(user) != fingerprint:
        raise BadLink("This link has already been used, or the password has changed since.")
    return user


def reset_password(token, new_password):
    """Set a new password with a reset token; every session ends. BadLink or Invalid."""
    user = user_for_reset(token)
    user.password_hash = hash_new_password(new_password)
    user.end_all_sessions()
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()  # the link reached them: the address works
    db.session.commit()
    return user
