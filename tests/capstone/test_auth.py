"""Accounts: register, log in, log out, throttling, and the redirect after login."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import LoginFailure
from capstone.models import User
from capstone.models.base import utcnow
from capstone.services import users

GOOD = {
    "username": "grace",
    "email": "grace@example.org",
    "password": "hopper-1906",
    "confirm": "hopper-1906",
}


def test_register_creates_a_member_with_a_scrypt_hash(app, client):
    response = client.post("/auth/register", data=GOOD)
    assert response.status_code == 303
    assert response.headers["Location"] == "/auth/login"
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "grace"))
        assert user.role == "member"
        assert user.password_hash.startswith("scrypt:")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"username": "ab"}, "username", "Field must be between 3 and 40 characters long."),
        (
            {"username": "has space"},
            "username",
            "Use letters, digits, dots, dashes and underscores.",
        ),
        ({"email": "not-an-email"}, "email", "Invalid email address."),
        ({"password": "short", "confirm": "short"}, "password", "Field must be between 8 and 1024"),
        ({"confirm": "something-else"}, "confirm", "The passwords differ."),
    ],
)
def test_register_shows_field_errors(client, change, field, message):
    response = client.post("/auth/register", data={**GOOD, **change})
    assert response.status_code == 400
    assert message in response.text
    assert f'id="{field}-error"' in response.text


def missing_at_first(count):
    """users.find_user, except that its first `count` calls find nobody."""
    real, calls = users.find_user, []

    def find_user(name):
        calls.append(name)
        return None if len(calls) <= count else real(name)

    return find_user


def test_a_taken_username_is_a_form_error(client, build):
    build.user("alice")
    response = client.post("/auth/register", data={**GOOD, "username": "ALICE"})
    assert response.status_code == 400
    assert "That username is already registered." in response.text


def test_a_taken_email_looks_like_a_new_account_and_tells_its_owner(app, client, build, mailbox):
    build.user("alice")
    new = client.post("/auth/register", data=GOOD, follow_redirects=True)
    taken = client.post(
        "/auth/register",
        data={**GOOD, "username": "eve", "email": "Alice@Example.org"},
        follow_redirects=True,
    )
    assert taken.status_code == new.status_code == 200
    assert taken.request.path == new.request.path == "/auth/login"
    assert users.REGISTERED in taken.text and users.REGISTERED in new.text
    assert [m["Subject"] for m in mailbox.to("alice@example.org")] == [
        "Someone tried to register with your address"
    ]


def test_two_people_registering_one_name_at_once_get_a_form_error_not_a_500(client, monkeypatch):
    # Both passed the "is it taken?" check; the database's unique constraint decides.
    client.post("/auth/register", data=GOOD)
    # The first check misses the account, as it would for a request racing the first.
    monkeypatch.setattr(users, "find_user", missing_at_first(1))
    response = client.post("/auth/register", data={**GOOD, "email": "other@example.org"})
    assert response.status_code == 400
    assert "That username is already registered." in response.text


def test_two_people_registering_one_address_at_once_both_get_the_same_answer(
    client, monkeypatch, mailbox
):
    client.post("/auth/register", data=GOOD)
    monkeypatch.setattr(users, "find_user", missing_at_first(2))  # name and address checks
    response = client.post("/auth/register", data={**GOOD, "username": "eve"})
    assert response.status_code == 303
    subjects = [message["Subject"] for message in mailbox.to(GOOD["email"])]
    assert subjects[-1] == "Someone tried to register with your address"


def test_a_long_password_is_accepted_and_not_truncated(client, login):
    long_password = "p" * 200 + "!"
    client.post(
        "/auth/register", data={**GOOD, "password": long_password, "confirm": long_password}
    )
    assert login(client, "grace", long_password[:-1]).status_code == 400
    assert login(client, "grace", long_password).status_code == 303


@pytest.mark.parametrize("name", ["alice", "alice@example.org", "ALICE"])
def test_login_by_username_or_email(client, build, login, name):
    build.user("alice")
    response = login(client, name)
    assert response.status_code == 303
    assert response.headers["Location"] == "/dashboard"
    assert client.get("/dashboard").status_code == 200


@pytest.mark.parametrize(
    ("username", "password"), [("alice", "wrong-password"), ("nobody", "correct-horse-battery")]
)
def test_unknown_user_and_wrong_password_get_the_same_message(
    client, build, login, username, password
):
    build.user("alice")
    response = login(client, username, password)
    assert response.status_code == 400
    assert "Incorrect username or password." in response.text


def test_an_inactive_user_cannot_log_in(client, build, login):
    build.user("gone", active=False)
    assert login(client, "gone").status_code == 400


def test_the_session_is_cleared_at_login(client, build, login):
    build.user("alice")
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    login(client, "alice")
    with client.session_transaction() as session:
        assert "planted" not in session


def test_logout_really_ends_the_session_even_for_a_replayed_cookie(app, build, login):
    build.user("alice")
    client = app.test_client()
    login(client, "alice")
    stolen = client.get_cookie("session").value
    assert client.post("/auth/logout").status_code == 303
    replay = app.test_client()
    replay.set_cookie("session", stolen)
    response = replay.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/auth/login")


def test_changing_the_password_ends_every_session(app, build, login):
    build.user("alice")
    laptop, phone = app.test_client(), app.test_client()
    login(laptop, "alice")
    login(phone, "alice")
    response = laptop.post(
        "/profile",
        data={"current_password": "correct-horse-battery", "new_password": "new-secret-1"},
    )
    assert response.status_code == 303
    assert phone.get("/dashboard").status_code == 302
    assert log_in_ok(app.test_client(), "new-secret-1")


def log_in_ok(client, password):
    """True if alice can log in with `password`."""
    return (
        client.post("/auth/login", data={"username": "alice", "password": password}).status_code
        == 303
    )


@pytest.mark.parametrize(
    "target",
    [
        "//evil.com",
        "//evil.com/path",
        "/\\evil.com",
        "/\\/evil.com",
        "http:/evil.com",
        "http://evil.com",
        "https://evil.com/x",
        "javascript:alert(1)",
        "evil.com",
        "/\r\nSet-Cookie: x=1",
        "",
    ],
)
def test_next_never_leaves_the_site(client, build, login, target):
    build.user("alice")
    from urllib.parse import quote

    response = login(client, "alice", next_url=quote(target, safe=""))
    assert response.headers["Location"] == "/dashboard"


def test_next_to_a_local_page_is_followed(client, build, login):
    build.user("alice")
    response = login(client, "alice", next_url="/projects/%3Fx%3D1")
    assert response.headers["Location"] == "/projects/?x=1"


def test_a_page_that_needs_login_sends_there_with_next(client):
    response = client.get("/projects/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login?next=%2Fprojects%2F"


def test_failed_logins_are_throttled_per_account(app, client, build, login):
    build.user("alice")
    limit = app.config["LOGIN_FAILURES_PER_ACCOUNT"]
    for _ in range(limit):
        assert login(client, "alice", "wrong-password").status_code == 400
    response = login(client, "alice")  # even the right password waits
    assert response.status_code == 429
    assert "Too many attempts" in response.text
    # Until the oldest of the failures that count leaves the window: at most the window.
    window = app.config["LOGIN_WINDOW_SECONDS"]
    assert window - 60 < int(response.headers["Retry-After"]) <= window


def test_retry_after_says_when_the_account_is_below_the_limit_again(app, client, build, login):
    alice = build.user("alice")
    window, limit = app.config["LOGIN_WINDOW_SECONDS"], app.config["LOGIN_FAILURES_PER_ACCOUNT"]
    with app.app_context():
        old = utcnow() - timedelta(seconds=window - 100)  # these leave the window in 100 s
        db.session.add(LoginFailure(account=f"#{alice}", client="x", created_at=old))
        db.session.commit()
    for _ in range(limit - 1):
        login(client, "alice", "wrong-password")
    response = login(client, "alice")
    assert response.status_code == 429
    assert 95 <= int(response.headers["Retry-After"]) <= 100


def test_the_username_and_the_email_share_one_limit(app, client, build, login):
    build.user("alice")
    limit = app.config["LOGIN_FAILURES_PER_ACCOUNT"]
    for n in range(limit):
        typed = "alice" if n % 2 else "Alice@Example.org"
        assert login(client, typed, "wrong-password").status_code == 400
    assert login(client, "ALICE").status_code == 429


def test_failed_logins_are_throttled_per_client(app, client, build, login):
    app.config["LOGIN_FAILURES_PER_CLIENT"] = 3
    for name in ("a1", "a2", "a3"):
        login(client, name, "wrong-password")
    assert login(client, "someone-else", "wrong-password").status_code == 429


def test_a_successful_login_clears_the_account_failures(app, client, build, login):
    build.user("alice")
    for _ in range(app.config["LOGIN_FAILURES_PER_ACCOUNT"] - 1):
        login(client, "alice", "wrong-password")
    assert login(client, "alice").status_code == 303
    client.post("/auth/logout")
    assert login(client, "alice", "wrong-password").status_code == 400  # counting starts again


def test_remember_me_sets_a_long_lived_httponly_cookie(client, build):
    build.user("alice")
    client.post(
        "/auth/login",
        data={"username": "alice", "password": "correct-horse-battery", "remember": "y"},
    )
    cookie = client.get_cookie("remember_token")
    assert cookie is not None
    assert cookie.http_only
