"""Accounts over the API: register, tokens, who am I, and everything that revokes a token."""

import pytest
from sqlalchemy import select

from capstone.database import db
from capstone.models import User

NEW = {"username": "grace", "email": "grace@example.org", "password": "hopper-1906"}


def test_register_answers_202_and_the_account_can_get_a_token(client):
    response = client.post("/api/v1/users", json=NEW)
    assert response.status_code == 202
    assert "password" not in response.text
    token = client.post("/api/v1/tokens", json={"username": "grace", "password": NEW["password"]})
    me = client.get(
        "/api/v1/me", headers={"Authorization": f"Bearer {token.get_json()['access_token']}"}
    )
    user = me.get_json()
    assert user["username"] == "grace" and user["email"] == "grace@example.org"
    assert not any("password" in key for key in user)


def test_a_taken_username_is_a_409(client, build):
    build.user("alice")
    response = client.post("/api/v1/users", json={**NEW, "username": "ALICE"})
    assert response.status_code == 409
    assert response.get_json()["fields"] == {"username": "That username is already registered."}


def test_a_taken_email_gets_the_answer_of_a_new_one_and_its_owner_an_email(
    app, client, build, mailbox
):
    build.user("alice")
    new = client.post("/api/v1/users", json=NEW)
    taken = client.post(
        "/api/v1/users", json={**NEW, "username": "eve", "email": "ALICE@example.org"}
    )
    assert (taken.status_code, taken.get_json()) == (new.status_code, new.get_json())
    [warning] = mailbox.to("alice@example.org")
    assert warning["Subject"] == "Someone tried to register with your address"
    assert "/auth/reset" in warning.get_content()
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "eve")) is None


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"role": "admin"}, "role"),
        ({"password": "short"}, "password"),
        ({"email": "nope"}, "email"),
        ({"username": 5}, "username"),
        ({"id": 1}, "id"),
    ],
)
def test_register_refuses_bad_or_forbidden_fields(app, client, change, field):
    response = client.post("/api/v1/users", json={**NEW, **change})
    assert response.status_code == 422
    assert field in response.get_json()["fields"]
    with app.app_context():
        assert db.session.scalar(select(User).where(User.username == "grace")) is None


def test_a_token_by_username_or_email(client, build):
    build.user("alice")
    for name in ("alice", "alice@example.org"):
        response = client.post(
            "/api/v1/tokens", json={"username": name, "password": "correct-horse-battery"}
        )
        body = response.get_json()
        assert response.status_code == 200
        assert (
            body["token_type"] == "Bearer" and body["expires_in"] == 3600 and body["access_token"]
        )


def test_wrong_credentials_are_a_401_with_the_bearer_challenge(client, build):
    build.user("alice")
    response = client.post(
        "/api/v1/tokens", json={"username": "alice", "password": "wrong-password"}
    )
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert response.get_json()["error"] == "unauthorized"


def test_failed_token_requests_are_throttled_with_a_json_429(app, client, build):
    build.user("alice")
    for _ in range(app.config["LOGIN_FAILURES_PER_ACCOUNT"]):
        client.post("/api/v1/tokens", json={"username": "alice", "password": "wrong-password"})
    response = client.post(
        "/api/v1/tokens", json={"username": "alice", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert response.get_json()["error"] == "too_many_requests"


def test_me(client, build, auth):
    build.user("alice")
    assert client.get("/api/v1/me", headers=auth("alice")).get_json()["username"] == "alice"


def test_delete_tokens_revokes_every_token(client, build, token):
    build.user("alice")
    first, second = token("alice"), token("alice")
    assert (
        client.delete("/api/v1/tokens", headers={"Authorization": f"Bearer {first}"}).status_code
        == 204
    )
    for revoked in (first, second):
        assert (
            client.get("/api/v1/me", headers={"Authorization": f"Bearer {revoked}"}).status_code
            == 401
        )


def test_a_web_logout_revokes_the_tokens(app, client, build, token, login):
    build.user("alice")
    headers = {"Authorization": f"Bearer {token('alice')}"}
    browser = app.test_client()
    login(browser, "alice")
    browser.post("/auth/logout")
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_a_password_change_revokes_the_tokens(app, client, build, token, login):
    build.user("alice")
    headers = {"Authorization": f"Bearer {token('alice')}"}
    browser = app.test_client()
    login(browser, "alice")
    browser.post(
        "/profile",
        data={"current_password": "correct-horse-battery", "new_password": "another-one-9"},
    )
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_deactivation_revokes_the_tokens(app, client, build, auth):
    user_id = build.user("alice")
    headers = auth("alice")
    with app.app_context():
        db.session.get(User, user_id).active = False
        db.session.commit()
    assert client.get("/api/v1/me", headers=headers).status_code == 401
