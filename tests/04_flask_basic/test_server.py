"""Both ways to serve stage 04 work: `python 04_flask_basic/app.py` and `flask ... run`."""

import os
import subprocess
import sys

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import ROOT
from harness.stages import folder_for

APP = str(folder_for("04") / "app.py")  # the reference, or the folder of --stage-dir


@pytest.mark.hint(
    "serve() is given: python app.py and flask --app app.py run must both import and greet"
)
@pytest.mark.parametrize(
    ("command", "env"),
    [
        (["python", APP], {}),
        (["flask", "--app", APP, "run"], {"FLASK_RUN_PORT": "0"}),
    ],
    ids=["python-app.py", "flask-run"],
)
def test_both_commands_serve_the_app(command, env):
    with running_server(command, env=env) as server:
        status, _, body = fetch(server.url, "GET", "/hello/Zo%C3%AB")
    assert status == 200
    assert "<h1>Hello, Zoë!</h1>" in body.decode()


@pytest.mark.hint("serve() is given: it refuses FLASK_DEBUG=1 off loopback")
def test_the_debugger_is_refused_off_loopback():
    result = subprocess.run(
        [sys.executable, APP],
        cwd=ROOT,
        env={**os.environ, "FLASK_DEBUG": "1", "HOST": "0.0.0.0", "PORT": "0"},
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert result.returncode == 1
    assert "Refusing FLASK_DEBUG=1 on HOST=0.0.0.0" in result.stderr
