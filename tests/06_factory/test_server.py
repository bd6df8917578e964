"""Both ways to serve stage 06 work, on a new database, without running init-db first."""

import subprocess

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.servers import venv_environ
from harness.stages import ROOT
from harness.stages import folder_for

APP = str(folder_for("06") / "app.py")  # the reference, or the folder of --stage-dir


@pytest.mark.hint(
    "app.py is given: create_app() must build the app with no test_config, on a new database"
)
@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["python", APP], {}),
        (["flask", "--app", APP, "run"], {"FLASK_RUN_PORT": "0"}),
    ],
    ids=["python-app.py", "flask-run"],
)
def test_both_commands_serve_the_app(command, env, tmp_path):
    env = {**env, "FLASK_DATABASE": str(tmp_path / "served.sqlite")}
    with running_server(command, env=env) as server:
        assert fetch(server.url, "GET", "/hello/Ada")[0] == 200
        assert fetch(server.url, "GET", "/auth/register")[0] == 200


@pytest.mark.hint(
    "HELLO_ENV=production without FLASK_SECRET_KEY: create_app raises 'Refusing to start in "
    "production: SECRET_KEY is not set'"
)
def test_production_without_a_key_refuses_to_start(tmp_path):
    import subprocess
    import sys

    from harness.stages import ROOT

    result = subprocess.run(
        [sys.executable, APP],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HELLO_ENV": "production", "PORT": "0"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "Refusing to start in production: SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize(
    "command", [["python", APP], ["flask", "--app", APP, "run"]], ids=["python-app.py", "flask-run"]
)
def test_a_server_on_an_in_memory_database_is_refused_with_the_way_out(command):
    result = subprocess.run(
        command,
        cwd=ROOT,
        env={**venv_environ(), "FLASK_DATABASE": ":memory:", "PORT": "0", "FLASK_RUN_PORT": "0"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "every request an empty database of its own" in result.stderr
    assert "FLASK_DATABASE=instance/try.sqlite" in result.stderr
