"""What the browser tests share: the browser's path, the accounts, and the `flask` command."""

import os
import subprocess
import sys

from harness.servers import venv_environ
from harness.stages import ROOT

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ADMIN = "root"
PASSWORD = "browser-test-password"
TIMEOUT_MS = 10_000


def flask(settings, *arguments):
    """Run `flask --app capstone ARGUMENTS` as an operator would; fail with its output."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", "--app", "capstone", *arguments],
        cwd=ROOT,
        env={**venv_environ(), **settings},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout
