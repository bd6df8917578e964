"""Both ways to serve stage 06 work, on a new database, without running init-db first."""

import pytest
from harness.servers import fetch
from harness.servers import running_server
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
