"""Usernames and emails are one account whatever their case, in Python and in the database.

SQLite's lower() folds ASCII only and PostgreSQL's follows the server's locale, so the
comparison is done once, in Python (`name_key`), stored beside each name, and made
unique by the database: a race of sixteen casings ends with one account on both.
"""

import importlib
import itertools
import unicodedata

import pytest
from capstone_support.live import api
from capstone_support.live import at_once
from capstone_support.live import serving
from sqlalchemy import func
from sqlalchemy import inspect
from sqlalchemy import select
from sqlalchemy import text

from capstone import migrate
from capstone.database import db
from capstone.models import User
from capstone.models.user import name_key

NameKeys = importlib.import_module("capstone.migrations.versions.0009_name_keys")
NameClash = NameKeys.NameClash

PASSWORD = "a long enough passphrase"
ADDRESSES = itertools.count()


def register(client, username):
    """POST /api/v1/users with a new email address each time; the response."""
    data = {"username": username, "email": f"person{next(ADDRESSES)}@example.org"}
    return client.post("/api/v1/users", json={**data, "password": PASSWORD})


def token_for(client, name):
    """The status of POST /api/v1/tokens with this name and the password."""
    return client.post("/api/v1/tokens", json={"username": name, "password": PASSWORD}).status_code


@pytest.mark.parametrize(
    ("registered", "same", "other"),
    [
        ("Élise", ["élise", "ÉLISE", unicodedata.normalize("NFD", "Élise")], ["Elise"]),
        ("Örjan", ["örjan", "ÖRJAN"], ["Orjan"]),
        ("Straße", ["strasse", "STRASSE", "straße"], ["Strase"]),
        # Dotless ı is a letter of its own: Unicode's folding, not Turkish rules.
        ("Kıvanç", ["kıvanç", "KıVANÇ"], ["Kivanc", "kivanç"]),
    ],
)
def test_a_name_is_one_account_in_every_case_and_form(client, registered, same, other):
    assert register(client, registered).status_code == 202
    for name in same:
        assert token_for(client, name) == 200, name
        assert register(client, name).status_code == 409, name
    for name in other:
        assert token_for(client, name) == 401, name
        assert register(client, name).status_code == 202, name


def test_an_email_is_one_account_whatever_its_case(client):
    data = {"username": "zoe", "email": "Zoë@Example.org", "password": PASSWORD}
    assert client.post("/api/v1/users", json=data).status_code == 202
    again = {"username": "zoe2", "email": "ZOË@example.ORG", "password": PASSWORD}
    assert client.post("/api/v1/users", json=again).status_code == 202  # as if it were new
    assert token_for(client, "zoë@example.org") == 200
    assert token_for(client, "zoe2") == 401  # but no second account


def test_the_database_refuses_two_casings_even_without_the_check(app, build):
    build.user("ada")
    with app.app_context():
        db.session.add(User(username="ADA", email="other@example.org", password_hash="x"))
        with pytest.raises(Exception, match=r"(?i)unique"):
            db.session.commit()


def test_sixteen_casings_registering_at_once_make_one_account(app):
    casings = [
        "".join(c.upper() if n >> i & 1 else c for i, c in enumerate("élise")) for n in range(16)
    ]
    with serving(app) as base:
        answers = at_once(
            lambda name: api(
                base,
                "POST",
                "/api/v1/users",
                {
                    "username": name,
                    "email": f"{casings.index(name)}@example.org",
                    "password": PASSWORD,
                },
            )[0],
            casings,
        )
    assert sorted(answers) == [202] + [409] * 15
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 1


def test_the_upgrade_names_accounts_that_clash_and_changes_nothing(app):
    with app.app_context():
        migrate.downgrade("0008_task_count_lock_order")
        for n, name in enumerate(["Ada", "ada", "Bob"]):
            db.session.execute(
                text(
                    'INSERT INTO "user" (username, email, password_hash, role, active,'
                    " session_token, created_at, updated_at) VALUES"
                    " (:name, :email, 'x', 'member', true, :n, :now, :now)"
                ),
                {"name": name, "email": f"{name}{n}@example.org", "n": str(n), "now": "2026-01-01"},
            )
        db.session.commit()
        with pytest.raises(
            Exception,
            match=r"usernames that differ only in case: 'Ada' \(user 1\), 'ada' \(user 2\)",
        ):
            migrate.upgrade()
        columns = {column["name"] for column in inspect(db.engine).get_columns("user")}
        assert "username_key" not in columns  # the failed upgrade left nothing half-done
        db.session.execute(text("UPDATE \"user\" SET username = 'ada2' WHERE id = 2"))
        db.session.commit()
        migrate.upgrade()
        keys = db.session.execute(select(User.username, User.username_key).order_by(User.id))
        assert list(keys) == [("Ada", "ada"), ("ada2", "ada2"), ("Bob", "bob")]
        assert name_key("Bob") == "bob"


def test_the_migration_keeps_the_models_name_key():
    # The migration has its own copy (history must not move); a change needs a migration.
    for written in ["Élise", unicodedata.normalize("NFD", "Élise"), "Straße", "Kıvanç", "ﬁ", "Ⅻ"]:
        assert NameKeys.name_key(written) == name_key(written)
