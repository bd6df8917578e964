"""What administrators do to accounts: find, deactivate, reactivate, promote, demote.

Every change adds its entry to the audit log, and change_user commits the changes and
their entries at once (one request, one transaction), so the log cannot miss an action,
nor record one that did not happen. Only admins do any of it. Two rules protect the site:

* there is always at least one active admin (nobody can demote or deactivate the last);
* an admin cannot deactivate their own account (another admin has to).

The last-admin rule holds under concurrency too: two admins demoting each other at
the same moment must not both succeed. See `update_unless_last_admin`.
"""

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import aliased
from sqlalchemy.orm import joinedload
from werkzeug.exceptions import Conflict
from werkzeug.exceptions import NotFound

from capstone import events
from capstone.database import db
from capstone.models import ROLES
from capstone.models import AuditEntry
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.user import name_key
from capstone.models.user import new_session_token
from capstone.services import access
from capstone.services import organizations
from capstone.services.errors import Invalid
from capstone.services.passwords import hash_new_password

LAST_ADMIN = "There must always be an active admin: make someone else an admin first."


def create_admin(username, email, password):
    """The operator at the console makes an administrator, new or existing; Invalid password.

    No user acts here (the command needs shell access to the server), so nothing is
    audited; the operator typed the address, so it needs no verification email.
    """
    user = db.session.scalar(select(User).where(User.username_key == name_key(username)))
    action = "promote" if user else "register"
    if user is None:
        user = User(
            username=username,
            email=email.lower(),
            password_hash=hash_new_password(password),
            email_verified_at=utcnow(),
        )
        db.session.add(user)
        organizations.add_personal_organization(user)
    user.role = "admin"
    db.session.flush()  # the new user's id, for the event
    events.publish(events.USER_CHANGED, user_id=user.id, action=action)
    db.session.commit()
    return user


def find_users(text=None):
    """A select() of the users whose name or email contains `text` (all users without it)."""
    query = select(User).order_by(User.username_key)
    if text:
        query = query.where(
            or_(
                User.username.icontains(text, autoescape=True),
                User.email.icontains(text, autoescape=True),
            )
        )
    return query


def user_for(actor, user_id):
    """The user `user_id`, for an admin; 404 if there is none."""
    access.require_admin(actor)
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound("There is no such user.")
    return user


def change_user(actor, user, active=None, role=None):
    """An admin changes the role and/or the activity (None: unchanged), all or nothing.

    The actor is checked once, first: an admin who steps down in the same change is
    still the admin who asked for it.
    """
    access.require_admin(actor)
    if role is not None:
        set_role(actor, user, role)
    if active is not None:
        set_active(actor, user, active)
    db.session.commit()
    return user


def set_active(actor, user, active):
    """Deactivate (ending every session and API token) or reactivate `user`: change_user's part."""
    if user.active == active:
        return user
    if not active and user.id == actor.id:
        raise Invalid({"active": "You cannot deactivate your own account."})
    if active:
        user.active = True
    elif user.is_admin:
        update_unless_last_admin(user, active=False, session_token=new_session_token())
    else:
        user.active = False
        user.end_all_sessions()
    return record(actor, "reactivate" if active else "deactivate", user)


def set_role(actor, user, role):
    """Make `user` an admin or a member: part of change_user, which checks and commits."""
    if role not in ROLES:
        raise Invalid({"role": f"Choose one of: {', '.join(ROLES)}."})
    if user.role == role:
        return user
    if role == "admin":
        user.role = "admin"
    else:
        update_unless_last_admin(user, role="member")
    return record(actor, "promote" if role == "admin" else "demote", user)


def update_unless_last_admin(user, **values):
    """Change an admin's row with `values`, unless no other active admin would remain.

    The check and the change are one UPDATE, so on SQLite (one writer at a time) no other
    transaction can slip between them. PostgreSQL runs concurrent UPDATEs of different
    rows side by side, so the admins' rows are first locked (SELECT ... FOR UPDATE): a
    second demotion waits for the first to commit, then counts again.
    """
    admins = select(User.id).where(User.role == "admin", User.active)
    db.session.scalars(admins.with_for_update()).all()
    other = aliased(User)
    others = (
        select(func.count(other.id))
        .where(other.role == "admin", other.active, other.id != user.id)
        .scalar_subquery()
    )
    result = db.session.execute(
        update(User).where(User.id == user.id, others > 0).values(**values),
        execution_options={"synchronize_session": "fetch"},
    )
    if result.rowcount != 1:
        db.session.rollback()
        raise Conflict(LAST_ADMIN)


def record(actor, action, target):
    """Add the audit entry of `action`, to be committed with the change; return the target."""
    db.session.add(AuditEntry(actor=actor, action=action, target=target))
    events.publish(events.USER_CHANGED, user_id=target.id, action=action)
    return target


def audit_log():
    """A select() of the audit entries, newest first, with both users in the same query."""
    return (
        select(AuditEntry)
        .options(joinedload(AuditEntry.actor), joinedload(AuditEntry.target))
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    )
