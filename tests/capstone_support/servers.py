"""The capstone's real servers (gunicorn, nginx) for tests: started as deployed, waited for."""

import os
import re
import subprocess
import sys
import time
from contextlib import contextmanager

import pytest
import requests
from harness.servers import free_port
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


def pids_of(log, pattern):
    """The worker pids of the requests whose access-log line matches `pattern`."""
    return [int(p) for p in re.findall(pattern + r".*? pid=<(\d+)> ", log.read_text())]


def wait_for_workers(url, log, workers, timeout=60):
    """Poll `url` (GET /health) until `workers` different gunicorn workers have answered.

    Each worker loads the app after the fork, some seconds after the first may already
    answer; until then the kernel hands every connection to the ones that are up.
    """
    deadline = time.monotonic() + timeout
    while len(set(pids_of(log, r'"GET /health HTTP/1.1" 200'))) < workers:
        if time.monotonic() > deadline:
            pytest.fail(f"fewer than {workers} gunicorn workers answered in {timeout} s")
        requests.get(url, timeout=5)  # a new connection each time
        time.sleep(0.1)


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


def nginx_config(app_port, nginx_port, folder, **changes):
    """deploy/nginx.conf with loopback addresses and this test's folders, checked to apply.

    `changes` maps more lines of the file to what a test puts instead.
    """
    text = (DEPLOY / "nginx.conf").read_text()
    swaps = {
        "server web:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{nginx_port};",
        "alias /srv/static/;": f"alias {ROOT / 'capstone' / 'static'}/;",
        "pid /tmp/nginx.pid;": f"pid {folder / 'nginx.pid'};",
        **changes,
    }
    for old, new in swaps.items():
        assert text.count(old) == 1, f"nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    if os.geteuid() == 0:  # CI runs as root; workers must still read the static files
        text = "user root;\n" + text
    return text


@contextmanager
def running_nginx(app_port, folder, **changes):
    """Nginx from deploy/nginx.conf in front of 127.0.0.1:`app_port`; yields (process, port)."""
    port = free_port()
    config = folder / "nginx.conf"
    config.write_text(nginx_config(app_port, port, folder, **changes))
    nginx = subprocess.Popen(
        ["nginx", "-c", str(config), "-p", str(folder), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield nginx, port
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)
