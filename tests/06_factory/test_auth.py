"""The auth blueprint: register, log in, log out; hashed passwords; sessions; CSRF."""

import pytest
from hello_factory.db import db


@pytest.mark.hint(
    "auth.py is given: it needs db.connection (rows as sqlite3.Row) and db.IntegrityError"
)
def test_register_creates_a_user_with_a_hashed_password(app, auth):
    response = auth.post("/auth/register", username="grace", password="hopper-1906")
    assert response.status_code == 303
    assert response.headers["Location"] == "/auth/login"
    with app.app_context():
        row = db.connection.execute("SELECT password FROM user WHERE username = 'grace'").fetchone()
    assert row["password"].startswith("scrypt:")
    assert "hopper-1906" not in row["password"]


@pytest.mark.hint(
    "auth.py is given: a taken username needs the UNIQUE column of schema.sql, run by db.connection"
)
@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", "long-enough-1", "A username has 3 to 40 characters."),
        ("ab", "long-enough-1", "A username has 3 to 40 characters."),
        ("x" * 41, "long-enough-1", "A username has 3 to 40 characters."),
        ("grace", "short", "A password has at least 8 characters."),
        ("ada", "long-enough-1", "The username ada is already taken."),
    ],
)
def test_register_shows_what_is_wrong(auth, username, password, message):
    response = auth.post("/auth/register", username=username, password=password)
    assert response.status_code == 400
    assert message in response.text


@pytest.mark.hint("auth.py is given: it needs db.connection, and auth.bp registered by create_app")
def test_login_starts_a_session_and_loads_the_user(client, auth):
    response = auth.login()
    assert response.status_code == 303
    assert response.headers["Location"] == "/auth/profile"
    assert f"<h1>Hello, {auth.username}!</h1>" in client.get("/auth/profile").text


@pytest.mark.hint("auth.py is given: it needs db.connection, and auth.bp registered by create_app")
@pytest.mark.parametrize("mistake", ["wrong password", "unknown user"])
def test_a_wrong_password_and_an_unknown_user_get_the_same_answer(auth, mistake):
    if mistake == "wrong password":
        response = auth.login(auth.username, "wrong-password")
    else:
        response = auth.login("nobody", auth.password)
    assert response.status_code == 400
    assert "Incorrect username or password." in response.text


@pytest.mark.hint("auth.py is given: it needs db.connection, and auth.bp registered by create_app")
def test_login_clears_what_the_session_held_before(client, auth):
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    auth.login()
    with client.session_transaction() as session:
        assert "planted" not in session


@pytest.mark.hint("auth.py is given: it needs db.connection, and auth.bp registered by create_app")
def test_logout_ends_the_session(client, auth):
    auth.login()
    assert auth.logout().status_code == 303
    assert client.get("/auth/profile").headers["Location"] == "/auth/login"


@pytest.mark.hint(
    "auth.py is given: create_app attaches csrf.py to the app, which puts csrf_token() in the "
    "templates"
)
def test_logout_is_a_post_with_a_token(client, auth):
    auth.login()
    assert client.get("/auth/logout").status_code == 405
    assert client.post("/auth/logout").status_code == 400  # no CSRF token
    assert client.get("/auth/profile").status_code == 200  # still logged in


@pytest.mark.hint(
    "auth.py is given: register auth.bp in create_app (its /auth prefix is on the blueprint)"
)
def test_profile_needs_a_login(client):
    response = client.get("/auth/profile")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/login"


@pytest.mark.hint("csrf.py is given: create_app attaches it to the app, as it does each extension")
@pytest.mark.parametrize("token", [None, "", "forged", "é-non-ascii"])
def test_auth_forms_refuse_a_missing_or_wrong_csrf_token(client, auth, token):
    client.get("/auth/login")  # the session now holds a real token
    data = {"username": auth.username, "password": auth.password}
    if token is not None:
        data["csrf_token"] = token
    response = client.post("/auth/login", data=data)
    assert response.status_code == 400
    assert "did not come from this site" in response.text
