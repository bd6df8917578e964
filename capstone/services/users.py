"""Accounts: registration, checking a password, changing it, and throttling guesses."""

import math
from datetime import timedelta

from flask import current_app
from sqlalchemy import bindparam
from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import TooManyRequests
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from capstone import events
from capstone.database import db
from capstone.models import LoginFailure
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.user import name_key
from capstone.services import account_links
from capstone.services import organizations
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.services.passwords import hash_new_password

# What a registration is told, whether the address was new or already had an account.
REGISTERED = (
    "Thank you: we sent an email to that address. A new account can log in at once;"
    " the email confirms the address."
)
# Checked against when the account does not exist, so that answer takes as long as a
# wrong password and does not reveal which names are taken.
# Built once: cheaper on every request (the token's or the session's user) than
# Session.get's own lookup (make bench: 87 Python calls fewer).
USER_BY_ID = select(User).where(User.id == bindparam("id"))
UNKNOWN_USER_HASH = generate_password_hash("an unguessable placeholder")


def find_user(username_or_email):
    """The user with this username or email (case-insensitive, models.user.name_key), or None."""
    key = name_key((username_or_email or "").strip())
    return db.session.scalar(
        select(User).where(or_(User.username_key == key, User.email_key == key))
    )


def register(username, email, password):
    """Create a member account and email a verification link; Invalid, or Taken for a username.

    An address that already has an account gets the same answer as a new one (None is
    returned instead of a user), and its owner is emailed. The answer does not tell; a
    prober can still learn it by trying the same username again (it stays free), or by
    logging in, which the login throttle slows. Usernames are shown to others anyway,
    so a taken one is said.
    """
    username, email = (username or "").strip(), (email or "").strip().lower()
    password_hash = hash_new_password(password)
    if find_user(username) is not None:
        raise Taken({"username": "That username is already registered."})
    if (owner := find_user(email)) is not None:
        return registered_again(owner)
    user = User(username=username, email=email, password_hash=password_hash)
    db.session.add(user)
    organizations.add_personal_organization(user)
    try:
        db.session.flush()  # the new id, for the link in the email
        account_links.send_verification(user)
        events.publish(events.USER_CHANGED, user_id=user.id, action="register")
        db.session.commit()
    except IntegrityError:
        # Two people registering one name or address at once: the database's unique
        # constraints decide, and the loser gets the answer it would have had a moment
        # later, never a 500.
        db.session.rollback()
        if find_user(username) is not None:
            raise Taken({"username": "That username is already registered."}) from None
        return registered_again(find_user(email))
    return user


def registered_again(owner):
    """Email the owner of an address someone tried to register again; None, like a new account."""
    if owner is not None:
        account_links.send_registered_again(owner)
        db.session.commit()


def check_login(username_or_email, password, client):
    """The user for these credentials, or None; raises TooManyRequests when throttled."""
    user = find_user(username_or_email)
    account = throttle_key(username_or_email, user)
    throttle(account, client)
    valid = check_password_hash(user.password_hash if user else UNKNOWN_USER_HASH, password or "")
    if user is None or not valid or not user.active:
        db.session.add(LoginFailure(account=account, client=client[:64]))
        db.session.commit()
        return None
    db.session.execute(delete(LoginFailure).where(LoginFailure.account == account))
    db.session.commit()
    return user


def throttle_key(username_or_email, user):
    """Whom failed logins are counted against: the account, however it was named.

    By user id when the account exists, so its username and its email share one limit
    (typing one, then the other, must not double the guesses); else the name as typed.
    "#" is in no username and no email, so an id never passes for a name.
    """
    if user is not None:
        return f"#{user.id}"
    return name_key((username_or_email or "").strip())[:254]  # LoginFailure.account's size


def throttle(account, client):
    """Refuse (429, with Retry-After) while an account or a client has too many recent failures."""
    config = current_app.config
    window = timedelta(seconds=config["LOGIN_WINDOW_SECONDS"])
    now = utcnow()
    db.session.execute(delete(LoginFailure).where(LoginFailure.created_at < now - window))
    waits = [
        wait(LoginFailure.account == account, config["LOGIN_FAILURES_PER_ACCOUNT"], window, now),
        wait(LoginFailure.client == client, config["LOGIN_FAILURES_PER_CLIENT"], window, now),
    ]
    if max(waits) > 0:
        raise TooManyRequests(
            "Too many failed logins. Wait a few minutes and try again.",
            retry_after=math.ceil(max(waits)),
        )


def wait(condition, limit, window, now):
    """Seconds until fewer than `limit` failures match `condition` in the window (0: so now).

    That is when the limit-th most recent one leaves the window.
    """
    limit_th = db.session.scalar(
        select(LoginFailure.created_at)
        .where(condition, LoginFailure.created_at >= now - window)
        .order_by(LoginFailure.created_at.desc())
        .offset(limit - 1)
        .limit(1)
    )
    return 0 if limit_th is None else (limit_th + window - now).total_seconds()


def user_by_id(user_id):
    """The user with this id, or None."""
    return db.session.scalar(USER_BY_ID, {"id": user_id})


def end_sessions(user):
    """Log `user` out everywhere: every session cookie and API token stops working."""
    user.end_all_sessions()
    db.session.commit()


def change_password(user, current, new):
    """Change the password, after checking the current one; every other session ends."""
    if not check_password_hash(user.password_hash, current or ""):
        raise Invalid({"current_password": "That is not your current password."})
    user.password_hash = hash_new_password(new, field="new_password")
    user.end_all_sessions()
    db.session.commit()


def clear_login_failures(username_or_email):
    """Forget an account's failed logins, so it may log in at once; how many were forgotten.

    The per-client limit is left alone: it protects the site from one guessing machine.
    """
    user = find_user(username_or_email)
    names = {throttle_key(username_or_email, user), throttle_key(username_or_email, None)}
    result = db.session.execute(delete(LoginFailure).where(LoginFailure.account.in_(names)))
    db.session.commit()
    return result.rowcount
