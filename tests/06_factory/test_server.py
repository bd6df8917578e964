"""Both ways to serve stage 06 work, on a new database, without running init-db first."""

import pytest
from harness.servers import fetch
from harness.servers import running_server


@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["python", "06_factory/app.py"], {}),
        (["flask", "--app", "06_factory/app.py", "run"], {"FLASK_RUN_PORT": "0"}),
    ],
    ids=["python-app.py", "flask-run"],
)
def test_both_commands_serve_the_app(command, env, tmp_path):
    env = {**env, "FLASK_DATABASE": str(tmp_path / "served.sqlite")}
    with running_server(command, env=env) as server:
        assert fetch(server.url, "GET", "/hello/Ada")[0] == 200
        assert fetch(server.url, "GET", "/auth/register")[0] == 200


def test_production_without_a_key_refuses_to_start(tmp_path):
    import subprocess
    import sys

    from harness.stages import ROOT

    result = subprocess.run(
        [sys.executable, "06_factory/app.py"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HELLO_ENV": "production", "PORT": "0"},
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "Refusing to start in production: SECRET_KEY is not set" in result.stderr
