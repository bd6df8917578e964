"""Invitations to an organization: sent through the outbox, listed, sent again, withdrawn.

The link carries a token signed with SECRET_KEY (itsdangerous, as the account links
do) holding the invitation's id and a random nonce whose digest the row keeps: a
resend makes a new nonce, so only the newest link works. It expires INVITATION_DAYS
after it was (re)sent. What the link opens, and accepting it, is in invitation_links.py.
"""

import secrets
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from werkzeug.exceptions import NotFound
from werkzeug.exceptions import TooManyRequests

from capstone.database import db
from capstone.models import Invitation
from capstone.models import User
from capstone.models.base import utcnow
from capstone.models.invitation import OPEN
from capstone.models.user import name_key
from capstone.services import access
from capstone.services import limits
from capstone.services.account_links import serializer
from capstone.services.errors import Invalid
from capstone.services.errors import Taken
from capstone.services.invitation_links import digest
from capstone.services.organization_members import PERSONAL_OWNER
from capstone.services.outbox import external_url
from capstone.services.outbox import queue_email

INVITATION_DAYS = 7
RESEND_INTERVAL = timedelta(minutes=5)  # at most one email per invitation in this time


def send(invitation):
    """Give the invitation a new link, valid INVITATION_DAYS, and queue its email; never commits."""
    nonce = secrets.token_urlsafe(16)
    invitation.token_hash = digest(nonce)
    invitation.last_sent_at = utcnow()
    invitation.expires_at = invitation.last_sent_at + timedelta(days=INVITATION_DAYS)
    db.session.flush()  # the id, for the token
    token = serializer("invite").dumps([invitation.id, nonce])
    link = external_url("organizations.invitation", token=token)
    subject = f"You are invited to join {invitation.organization.name}"
    queue_email(
        f"invite:{invitation.id}:{invitation.token_hash[:16]}",
        invitation.email,
        subject,
        "email/invitation.txt",
        invitation=invitation,
        link=link,
        days=INVITATION_DAYS,
    )


def invite(actor, organization, email, role="member"):
    """An owner or admin invites an address with a role (owners only invite owners)."""
    access.require_manager(actor, organization)
    if role == "owner":
        access.require_organization_owner(actor, organization)
        if organization.personal:
            raise Invalid({"role": PERSONAL_OWNER})
    elif role not in ("admin", "member"):
        raise Invalid({"role": "Choose owner, admin or member."})
    email = (email or "").strip().lower()
    if "@" not in email.strip("@") or len(email) > 254:
        raise Invalid({"email": "Enter an email address."})
    member = db.session.scalar(select(User).where(User.email_key == name_key(email)))
    if member is not None and access.role_in(member, organization) is not None:
        raise Taken({"email": f"{email} is already a member of {organization.name}."})
    if waiting := open_invitation(organization, email):
        if waiting.expires_at > utcnow():
            raise Taken({"email": f"{email} is already invited: resend that invitation instead."})
        waiting.revoked_at = utcnow()  # expired: this one takes its place
    limits.require_room(organization, "members")  # open invitations count (limits.used)
    invitation = Invitation(organization=organization, email=email, role=role, inviter=actor)
    db.session.add(invitation)
    try:
        send(invitation)
        db.session.commit()
    except IntegrityError:  # the same address invited by two people at once
        db.session.rollback()
        raise Taken(
            {"email": f"{email} is already invited: resend that invitation instead."}
        ) from None
    return invitation


def open_invitation(organization, email):
    """The invitation of `email` to `organization` that is neither accepted nor revoked."""
    return db.session.scalar(
        select(Invitation).where(
            Invitation.organization_id == organization.id,
            Invitation.email_key == name_key(email),
            OPEN,
        )
    )


def open_invitations(organization):
    """A select() of the organization's open invitations, newest first."""
    return (
        select(Invitation)
        .where(Invitation.organization_id == organization.id, OPEN)
        .order_by(Invitation.created_at.desc(), Invitation.id.desc())
    )


def invitations_for(actor, organization):
    """A select() of the open invitations, for the organization's owners and admins only."""
    access.require_manager(actor, organization)
    return open_invitations(organization)


def invitation_in(actor, organization, invitation_id):
    """An open invitation of `organization`, for its owners and admins (403 first); 404."""
    access.require_manager(actor, organization)  # before the lookup: no probing for ids
    invitation = db.session.scalar(
        open_invitations(organization).where(Invitation.id == invitation_id)
    )
    if invitation is None:
        raise NotFound("There is no such invitation.")
    return invitation


def resend(actor, invitation):
    """An owner or admin sends an open invitation again with a new link; 429 if just sent."""
    access.require_manager(actor, invitation.organization)
    wait = invitation.last_sent_at + RESEND_INTERVAL - utcnow()
    if wait > timedelta(0):
        seconds = int(wait.total_seconds()) + 1
        raise TooManyRequests(f"This invitation was just sent; send it again in {seconds} s.")
    if invitation.expires_at <= utcnow():  # expired, it held no seat: it takes one again
        limits.require_room(invitation.organization, "members")
    send(invitation)
    db.session.commit()
    return invitation


def revoke(actor, invitation):
    """An owner or admin withdraws an open invitation: its link stops working."""
    access.require_manager(actor, invitation.organization)
    invitation.revoked_at = utcnow()
    db.session.commit()
