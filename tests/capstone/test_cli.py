"""The commands: seed-demo (idempotent, bulk tasks, never in production) and create-admin."""

from sqlalchemy import func
from sqlalchemy import select

from capstone.database import db
from capstone.models import Project
from capstone.models import Task
from capstone.models import User
from capstone.services import statistics


def count(app, model):
    """How many rows `model` has."""
    with app.app_context():
        return db.session.scalar(select(func.count()).select_from(model))


def test_seed_demo_loads_once(app, runner):
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "the password is 'demo-password'" in first.output
    numbers = (count(app, User), count(app, Project), count(app, Task))
    second = runner.invoke(args=["seed-demo"])
    assert "already loaded" in second.output
    assert (count(app, User), count(app, Project), count(app, Task)) == numbers == (4, 2, 8)


def test_seed_demo_generates_tasks_in_batches(app, runner):
    result = runner.invoke(args=["seed-demo", "--tasks", "2500"])
    assert result.exit_code == 0, result.output
    assert count(app, Task) == 8 + 2500


def test_seed_demo_refuses_in_production(app_config, make_app):
    app = make_app(
        {
            **app_config,
            "ENV_NAME": "production",
            "SECRET_KEY": "s" * 40,
            "PUBLIC_URL": "https://t.example",
        }
    )
    result = app.test_cli_runner().invoke(args=["seed-demo"])
    assert result.exit_code != 0
    assert "refuses to run in production" in result.output


def test_demo_users_can_log_in(app, runner, client):
    runner.invoke(args=["seed-demo"])
    response = client.post("/auth/login", data={"username": "alice", "password": "demo-password"})
    assert response.status_code == 303
    assert "Website relaunch" in client.get("/dashboard").text


def test_create_admin_creates_or_promotes(app, runner, build):
    build.user("dana")
    promoted = runner.invoke(
        args=[
            "create-admin",
            "--username",
            "dana",
            "--email",
            "x@example.org",
            "--password",
            "long-enough-1",
        ]
    )
    created = runner.invoke(
        args=[
            "create-admin",
            "--username",
            "eve",
            "--email",
            "Eve@Example.org",
            "--password",
            "long-enough-1",
        ]
    )
    assert promoted.exit_code == 0 and created.exit_code == 0
    with app.app_context():
        roles = dict(db.session.execute(select(User.username, User.role)).all())
        assert roles == {"dana": "admin", "eve": "admin"}
        assert (
            db.session.scalar(select(User.email).where(User.username == "eve")) == "eve@example.org"
        )


def test_create_admin_refuses_a_short_password(runner):
    result = runner.invoke(
        args=[
            "create-admin",
            "--username",
            "eve",
            "--email",
            "e@example.org",
            "--password",
            "short",
        ]
    )
    assert result.exit_code != 0
    assert "at least 8 characters" in result.output


def test_clear_login_failures_unlocks_an_account_typed_by_name_or_email(
    app, runner, client, build, login
):
    build.user("alice")
    for typed in ["alice", "ALICE@example.org"] * 3:  # one account's limit: 5 failures
        login(client, typed, "wrong-password")
    assert login(client, "alice@example.org").status_code == 429
    result = runner.invoke(args=["clear-login-failures", "Alice"])
    assert result.output == "Alice may log in again (5 failed login(s) forgotten).\n"
    assert login(client, "alice@example.org").status_code == 303


def test_seed_demo_reset_starts_the_demo_over(app, runner, build):
    runner.invoke(args=["seed-demo"])
    build.user("dana")
    refused = runner.invoke(args=["seed-demo", "--reset"], input="n\n")
    assert refused.exit_code != 0 and count(app, User) == 5
    result = runner.invoke(args=["seed-demo", "--reset", "--yes"])
    assert result.exit_code == 0, result.output
    assert "The database is empty again" in result.output and "Demo data loaded" in result.output
    assert (count(app, User), count(app, Project), count(app, Task)) == (4, 2, 8)


def test_the_demo_data_completes_tasks_over_past_weeks(app, runner):
    def weeks_with_completions():
        with app.app_context():
            return sum(1 for _, done in statistics.completed_per_week() if done)

    runner.invoke(args=["seed-demo"])
    assert weeks_with_completions() == 2  # done 10 and 20 days ago: two weeks apart
    runner.invoke(args=["seed-demo", "--tasks", "400"])
    assert weeks_with_completions() >= 10  # of the chart's 12
