"""Accounts: registration, checking a password, changing it, and throttling guesses."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import TooManyRequests
from werkzeug.security import check_password_hash
from werkzeug.security import generate_password_hash

from capstone.database import db
from capstone.models import LoginFailure
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import account_links
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.services.passwords import hash_new_password

# Checked against when the account does not exist, so that answer takes as long as a
# wrong password and does not reveal which names are taken.
UNKNOWN_USER_HASH = generate_password_hash("an unguessable placeholder")


def find_user(username_or_email):
    """The user with this username or email (case-insensitive), or None."""
    key = (username_or_email or "").strip().lower()
    return db.session.scalar(
        select(User).where(or_(func.lower(User.username) == key, func.lower(User.email) == key))
    )


def register(username, email, password):
    """Create a member account and email a verification link; Invalid or Taken if it can't be."""
    username, email = (username or "").strip(), (email or "").strip().lower()
    password_hash = hash_new_password(password)
    taken = find_user(username) or find_user(email)
    if taken is not None:
        field = "username" if taken.username.lower() == username.lower() else "email"
        raise Taken({field: f"That {field} is already registered."})
    user = User(username=username, email=email, password_hash=password_hash)
    db.session.add(user)
    try:
        db.session.flush()  # the new id, for the link in the email
        account_links.send_verification(user)
        db.session.commit()
    except IntegrityError:
        # Two people registering the same name at once: the database's unique
        # constraint decides, and the loser gets a form error, not a 500.
        db.session.rollback()
        raise Taken({"username": "That username or email is already registered."}) from None
    return user


def check_login(username_or_email, password, client):
    """The user for these credentials, or None; raises TooManyRequests when throttled."""
    account = (username_or_email or "").strip().lower()
    throttle(account, client)
    user = find_user(account)
    valid = check_password_hash(user.password_hash if user else UNKNOWN_USER_HASH, password or "")
    if user is None or not valid or not user.active:
        db.session.add(LoginFailure(account=account[:254], client=client[:64]))
        db.session.commit()
        return None
    db.session.execute(delete(LoginFailure).where(LoginFailure.account == account))
    db.session.commit()
    return user


def throttle(account, client):
    """Refuse (429) while an account or a client has too many recent failures."""
    config = current_app.config
    since = utcnow() - timedelta(seconds=config["LOGIN_WINDOW_SECONDS"])
    db.session.execute(delete(LoginFailure).where(LoginFailure.created_at < since))

    def recent(column, value):
        return db.session.scalar(
            select(func.count()).where(column == value, LoginFailure.created_at >= since)
        )

    if (
        recent(LoginFailure.account, account) >= config["LOGIN_FAILURES_PER_ACCOUNT"]
        or recent(LoginFailure.client, client) >= config["LOGIN_FAILURES_PER_CLIENT"]
    ):
        raise TooManyRequests("Too many failed logins. Wait a few minutes and try again.")


def change_password(user, current, new):
    """Change the password, after checking the current one; every other session ends."""
    if not check_password_hash(user.password_hash, current or ""):
        raise Invalid({"current_password": "That is not your current password."})
    user.password_hash = hash_new_password(new, field="new_password")
    user.end_all_sessions()
    db.session.commit()


def clear_login_failures(username_or_email):
    """Forget an account's failed logins, so it may log in at once; how many were forgotten.

    Failures are kept under the name as typed, so the user's username and email both count.
    The per-client limit is left alone: it protects the site from one guessing machine.
    """
    key = (username_or_email or "").strip().lower()
    user = find_user(key)
    names = {key} | ({user.username.lower(), user.email.lower()} if user else set())
    result = db.session.execute(delete(LoginFailure).where(LoginFailure.account.in_(names)))
    db.session.commit()
    return result.rowcount
