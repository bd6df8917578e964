"""An invitation's link: what it opens, and accepting it, once, with the invited address.

The row says whether a link still works: an accepted or withdrawn invitation, one sent
again since (its nonce's digest changed) or expired is refused. Each refusal is a
BadLink whose message is the page the link opens; none changes anything. Accepting
takes the logged-in user whose address is the invited one.
"""

import hashlib

from sqlalchemy import update

from capstone.database import db
from capstone.models import Invitation
from capstone.models.base import utcnow
from capstone.models.invitation import OPEN
from capstone.services import organizations
from capstone.services.account_links import BadLink
from capstone.services.account_links import read_token


def digest(nonce):
    """What the row keeps of a link's nonce."""
    return hashlib.sha256(nonce.encode()).hexdigest()


def read_invitation(token):
    """The invitation a link is for, if it can still be accepted; BadLink says why not."""
    invitation_id, nonce = read_token("invite", token, max_age=None)
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None:
        raise BadLink("This invitation is not valid any more.")
    if invitation.accepted_at is not None:
        raise BadLink("This invitation has already been accepted.")
    if invitation.revoked_at is not None:
        raise BadLink("This invitation has been withdrawn.")
    if invitation.token_hash != digest(nonce):
        raise BadLink("This invitation was sent again since: use the link of the newest email.")
    if invitation.expires_at <= utcnow():
        raise BadLink("This invitation has expired. Ask for a new one.")
    return invitation


def accept(user, token):
    """`user`, logged in with the invited address, joins the organization with the role."""
    invitation = read_invitation(token)
    if user.email_key != invitation.email_key:
        raise BadLink(
            f"This invitation is for {invitation.email}: log in with that address to accept it."
        )
    # One UPDATE decides between two clicks at once: the second finds it accepted.
    accepted = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, Invitation.token_hash == invitation.token_hash, OPEN)
        .values(accepted_at=utcnow(), accepted_by_id=user.id),
        execution_options={"synchronize_session": False},
    )
    if accepted.rowcount != 1:
        db.session.rollback()
        raise BadLink("This invitation has already been accepted.")
    organizations.enrol(invitation.organization, user, invitation.role)
    db.session.commit()
    return invitation
