"""The capstone's real servers (gunicorn, nginx) for tests: started as deployed, waited for."""

import subprocess
import sys
import time

import pytest
import requests
from harness.stages import ROOT

DEPLOY = ROOT / "capstone" / "deploy"


def start_gunicorn(env, folder, output):
    """Gunicorn as deployed (deploy/gunicorn.conf.py), run in `folder`, logging to `output`."""
    return subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py")],
        cwd=folder,
        env=env,
        stdout=output,
        stderr=subprocess.STDOUT,
    )


def wait_until_ready(url, processes, timeout=60):
    """Poll `url` until it answers 200; fail early if a process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for process in processes:
            assert process.poll() is None, f"{process.args[:3]} exited"
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):  # still starting
            pass
        time.sleep(0.3)
    pytest.fail(f"{url} was not ready in {timeout} s")
