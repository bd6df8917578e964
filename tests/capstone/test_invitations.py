"""Invitations: an email with a single-use link, accepted by that address only, or refused.

Every refusal (accepted already, expired, withdrawn, replaced by a resend, another
address, a forged link) is a page saying why, and changes nothing. Uses the `acme`
organization of conftest.py: alice owns it, olga is an admin, carol a member.
"""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select
from werkzeug.exceptions import Forbidden
from werkzeug.exceptions import TooManyRequests

from capstone.database import db
from capstone.models import Invitation
from capstone.models import Organization
from capstone.models import OutboundEmail
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import invitations
from capstone.services.errors import Taken
from capstone.services.organization_members import members_of


def invite(app, ids, email="erin@example.org", role="admin", by="alice"):
    """`by` invites `email` into acme; returns the path of the link in the newest email."""
    with app.app_context():
        organization = db.session.get(Organization, ids["acme"])
        invitations.invite(db.session.get(User, ids[by]), organization, email, role)
        return newest_link(email)


def newest_link(email):
    """The invitation link's path in the newest email to `email`."""
    sent = db.session.scalars(
        select(OutboundEmail).where(OutboundEmail.to == email).order_by(OutboundEmail.id.desc())
    ).first()
    return re.search(r"https?://[^/\s]+(/organizations/invitations/\S+)", sent.body).group(1)


def roles(app, ids):
    """{username: role} in acme."""
    with app.app_context():
        organization = db.session.get(Organization, ids["acme"])
        return {user.username: role for user, role in db.session.execute(members_of(organization))}


@pytest.fixture
def erin(build, acme):
    """The invited person, with an account at erin@example.org, logged out."""
    acme["erin"] = build.user("erin")
    return acme


def test_the_invited_address_accepts_once_and_joins_with_the_role(app, client, login, erin):
    link = invite(app, erin)
    assert client.get(link).status_code == 200  # logged out: asked to log in first
    assert "Log in" in client.get(link).text
    login(client, "erin")
    assert "Accept and join Acme" in client.get(link).text
    accepted = client.post(link, follow_redirects=True)
    assert accepted.request.path == f"/organizations/{erin['acme']}"  # its page, saying so
    assert "You joined Acme as admin." in accepted.text
    assert roles(app, erin)["erin"] == "admin"
    again = client.post(link)
    assert again.status_code == 400 and "already been accepted" in again.text


def test_another_address_gets_a_page_saying_so_and_nothing_changes(app, client, login, erin):
    link = invite(app, erin)
    before = roles(app, erin)
    login(client, "dave")
    response = client.post(link)
    assert response.status_code == 400
    assert "This invitation is for erin@example.org" in response.text
    assert roles(app, erin) == before


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"expires_at": utcnow() - timedelta(seconds=1)}, "This invitation has expired."),
        ({"revoked_at": utcnow()}, "This invitation has been withdrawn."),
    ],
)
def test_an_expired_or_withdrawn_link_is_a_clear_page(app, client, login, erin, change, message):
    link = invite(app, erin)
    with app.app_context():
        invitation = db.session.scalars(select(Invitation)).one()
        for field, value in change.items():
            setattr(invitation, field, value)
        db.session.commit()
    login(client, "erin")
    response = client.post(link)
    assert response.status_code == 400 and message in response.text
    assert "erin" not in roles(app, erin)


def test_a_forged_link_is_refused(client, login, erin):
    login(client, "erin")
    response = client.post("/organizations/invitations/not-a-token")
    assert response.status_code == 400 and "not valid" in response.text


def test_a_resend_is_throttled_and_replaces_the_link(app, client, login, erin):
    old = invite(app, erin)
    with app.app_context():
        invitation = db.session.scalars(select(Invitation)).one()
        alice = db.session.get(User, erin["alice"])
        with pytest.raises(TooManyRequests):
            invitations.resend(alice, invitation)
        invitation.last_sent_at -= invitations.RESEND_INTERVAL
        invitations.resend(alice, invitation)
        new = newest_link("erin@example.org")
    assert new != old
    login(client, "erin")
    assert "was sent again since" in client.post(old).text
    assert client.post(new).status_code == 303


def test_inviting_a_member_or_an_invited_address_says_so(app, erin):
    with pytest.raises(Taken, match=re.escape("carol@example.org is already a member of Acme")):
        invite(app, erin, email="Carol@Example.org")
    invite(app, erin)
    with pytest.raises(Taken, match="already invited"):
        invite(app, erin, by="olga")


def test_members_cannot_invite_and_admins_cannot_invite_owners(app, erin):
    with pytest.raises(Forbidden):
        invite(app, erin, by="carol")
    with pytest.raises(Forbidden):
        invite(app, erin, by="olga", role="owner")
    with app.app_context():
        assert db.session.scalars(select(Invitation)).all() == []


def test_a_revoked_invitation_leaves_the_list_and_the_address_can_be_invited_again(app, erin):
    invite(app, erin)
    with app.app_context():
        organization = db.session.get(Organization, erin["acme"])
        [invitation] = db.session.scalars(invitations.open_invitations(organization)).all()
        invitations.revoke(db.session.get(User, erin["olga"]), invitation)
        assert db.session.scalars(invitations.open_invitations(organization)).all() == []
    invite(app, erin)
