"""Verification and password-reset emails, sent by a job to a real SMTP server.

Their links work once; tokens are refused when forged, expired, reused, or made for
the other purpose.
"""

import re
import time
from types import SimpleNamespace

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import select

from capstone.database import db
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import account_links

LINK = re.compile(r"http://127\.0\.0\.1:5000(/auth/(?:verify|reset)/\S+)")


def link_in(message):
    """The path of the one link in an email."""
    return LINK.search(message.get_content()).group(1)


def register(client, name="dora"):
    """Register through the form; return the response."""
    return client.post(
        "/auth/register",
        data={
            "username": name,
            "email": f"{name}@example.org",
            "password": "pw-" * 4,
            "confirm": "pw-" * 4,
        },
        follow_redirects=False,
    )


def user_named(app, name):
    """The user, read fresh from the database."""
    with app.app_context():
        return db.session.scalar(select(User).where(User.username == name))


def test_registering_sends_one_verification_email_that_verifies_the_address(app, client, mailbox):
    assert register(client).status_code == 303
    [message] = mailbox.to("dora@example.org")
    assert message["Subject"] == "Confirm your email address"
    assert user_named(app, "dora").email_verified_at is None
    response = client.get(link_in(message))
    assert response.status_code == 302
    assert user_named(app, "dora").email_verified_at is not None


def test_a_verification_link_works_once(client, mailbox):
    register(client)
    path = link_in(mailbox.to("dora@example.org")[0])
    client.get(path)
    again = client.get(path)
    assert again.status_code == 400
    assert b"already been used" in again.data


@pytest.mark.parametrize(
    "damage", [lambda t: t[:-2] + "xx", lambda t: "not-a-token"], ids=["altered", "made-up"]
)
def test_a_forged_link_is_refused(app, client, mailbox, damage):
    register(client)
    token = link_in(mailbox.to("dora@example.org")[0]).rsplit("/", 1)[1]
    response = client.get(f"/auth/verify/{damage(token)}")
    assert response.status_code == 400
    assert b"not valid" in response.data
    assert user_named(app, "dora").email_verified_at is None


def test_an_expired_verification_link_is_refused(app, client, mailbox, monkeypatch):
    two_days_ago = int(time.time()) - app.config["VERIFY_EMAIL_SECONDS"] - 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: two_days_ago)
    register(client)
    monkeypatch.undo()
    response = client.get(link_in(mailbox.to("dora@example.org")[0]))
    assert response.status_code == 400
    assert b"expired" in response.data


def test_the_links_use_public_url_not_the_host_header(client, mailbox):
    client.post("/auth/reset", data={"username": "dora"})  # nobody: nothing sent
    register(client)
    client.post("/auth/reset", data={"username": "dora"}, headers={"Host": "evil.example"})
    bodies = [message.get_content() for message in mailbox.to("dora@example.org")]
    assert len(bodies) == 2
    assert all("evil.example" not in body and "http://127.0.0.1:5000/" in body for body in bodies)


def reset_link(client, mailbox, team, name="bob"):
    """Ask for a reset link for `name` through the form; return its path."""
    response = client.post("/auth/reset", data={"username": name})
    assert response.status_code == 303
    [message] = [m for m in mailbox.to(f"{name}@example.org") if "Reset" in m["Subject"]]
    return link_in(message)


def test_a_password_reset_sets_the_password_and_ends_every_session(
    app, client, mailbox, team, login
):
    other_device = app.test_client()
    login(other_device, "bob")
    path = reset_link(client, mailbox, team)
    assert client.get(path).status_code == 200
    new = "a-brand-new-password"
    response = client.post(path, data={"password": new, "confirm": new})
    assert response.status_code == 303
    assert other_device.get("/dashboard").status_code == 302  # logged out there too
    assert login(client, "bob", password=new).status_code == 303


def test_a_reset_link_works_once(client, mailbox, team):
    path = reset_link(client, mailbox, team)
    client.post(path, data={"password": "first-new-password", "confirm": "first-new-password"})
    again = client.post(path, data={"password": "second-password!", "confirm": "second-password!"})
    assert again.status_code == 400
    assert b"already been used" in again.data


def test_an_expired_reset_link_is_refused(app, client, mailbox, team, monkeypatch):
    long_ago = int(time.time()) - app.config["RESET_PASSWORD_SECONDS"] - 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: long_ago)
    path = reset_link(client, mailbox, team)
    monkeypatch.undo()
    assert b"expired" in client.get(path).data


def test_a_verification_token_cannot_reset_a_password(client, mailbox):
    register(client)
    token = link_in(mailbox.to("dora@example.org")[0]).rsplit("/", 1)[1]
    response = client.get(f"/auth/reset/{token}")
    assert response.status_code == 400


def test_asking_twice_in_a_few_minutes_sends_one_reset_email(client, mailbox, team):
    reset_link(client, mailbox, team)
    client.post("/auth/reset", data={"username": "bob@example.org"})
    assert len(mailbox.to("bob@example.org")) == 1


def test_an_unknown_account_gets_the_same_answer_and_no_email(client, mailbox, team):
    known = client.post("/auth/reset", data={"username": "bob"}, follow_redirects=True)
    unknown = client.post("/auth/reset", data={"username": "nobody"}, follow_redirects=True)
    assert known.data.replace(b"bob", b"nobody") == unknown.data
    assert [m["To"] for m in mailbox.messages] == ["bob@example.org"]


def test_the_api_resets_a_password_with_the_emailed_token(client, mailbox, team):
    response = client.post("/api/v1/password-reset", json={"username": "bob"})
    assert response.status_code == 202
    token = link_in(mailbox.to("bob@example.org")[0]).rsplit("/", 1)[1]
    confirm = {"token": token, "password": "api-new-password"}
    assert client.post("/api/v1/password-reset/confirm", json=confirm).status_code == 204
    tokens = client.post("/api/v1/tokens", json={"username": "bob", "password": "api-new-password"})
    assert tokens.status_code == 200
    reused = client.post("/api/v1/password-reset/confirm", json=confirm)
    assert reused.status_code == 422
    assert "already been used" in reused.get_json()["fields"]["token"]


def test_the_api_refuses_a_forged_reset_token(client, team):
    confirm = {"token": "forged", "password": "api-new-password"}
    response = client.post("/api/v1/password-reset/confirm", json=confirm)
    assert response.status_code == 422
    assert "not valid" in response.get_json()["fields"]["token"]


def test_sending_the_link_again_says_what_happened(app, client, build, login, mailbox, monkeypatch):
    # One minute for the whole test: the key that limits the links changes every minute.
    monkeypatch.setattr(account_links, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    build.user("dora", verified=False)
    login(client, "dora")
    first = client.post("/auth/verify", follow_redirects=True)
    assert "We sent a new link to dora@example.org." in first.text
    again = client.post("/auth/verify", follow_redirects=True)  # within the same minute
    assert "less than a minute ago" in again.text
    assert len(mailbox.to("dora@example.org")) == 1
    with app.app_context():
        db.session.get(User, user_named(app, "dora").id).email_verified_at = utcnow()
        db.session.commit()
    done = client.post("/auth/verify", follow_redirects=True)
    assert "verified already" in done.text
    assert len(mailbox.to("dora@example.org")) == 1
