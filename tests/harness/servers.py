"""Run a stage's real server in a subprocess, on a free loopback port, for tests over HTTP.

The server is started as a learner would start it (the same command line), with
PORT=0 so the system picks a free port; the banner the server prints names the
port it really got. Its stderr is merged into its stdout, as a terminal shows them:
one pipe keeps the order in which the program wrote (Flask prints its first lines to
stdout, Werkzeug logs to stderr; two pipes read by two threads could swap them).
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from harness.stages import ROOT

URL_IN_BANNER = re.compile(r"http://(127\.0\.0\.1|localhost):(\d+)")


class Server:
    """A running server process: its base URL and everything it has printed so far."""

    def __init__(self, process):
        self.process = process
        self.lines = []
        self.url = None
        self._changed = threading.Condition()

    def collect(self, stream):
        """Read the output line by line until the process closes it."""
        for line in stream:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()

    def output(self):
        """Everything printed so far, stdout and stderr in the order they were written."""
        with self._changed:
            return "\n".join(self.lines)

    def wait_for(self, pattern, timeout=15.0):
        """Wait for a printed line matching `pattern` and return the match; fail with the output."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for line in self.lines:
                    found = re.search(pattern, line)
                    if found:
                        return found
                left = deadline - time.monotonic()
                if left <= 0 or self.process.poll() is not None:
                    raise AssertionError(
                        f"the server never printed {pattern!r}; it printed:\n{self.output()}"
                    )
                self._changed.wait(min(left, 0.1))


# Settings that point the capstone at services (CI exports REDIS_URL for one test).
# Servers started by the tests run as on a fresh laptop, in the embedded mode the
# READMEs document, whatever the shell that runs the tests has set.
SERVICE_SETTINGS = ("REDIS_URL", "CELERY_BROKER_URL", "DATABASE_URL", "MAIL_SERVER")


def free_port():
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def venv_environ():
    """The environment with the running interpreter's folder first on PATH.

    `python` and `flask` in a command then mean the virtual environment's, as they
    do for a learner who has activated it. SERVICE_SETTINGS are left out.
    """
    bin_folder = os.path.dirname(sys.executable)
    environ = {k: v for k, v in os.environ.items() if k not in SERVICE_SETTINGS}
    return {**environ, "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}


# Long enough for the capstone's imports on a busy 2-core machine (it printed nothing in
# 15 s under a full suite); a server that starts returns as soon as it prints its address.
STARTUP_SECONDS = 60.0


@contextmanager
def running_server(command, env=None, timeout=STARTUP_SECONDS):
    """Start `command` (a list) from the repository root on a free port; yield a ready Server."""
    # PORT=0 for the stages' own serve(): the banner names the port it got. FLASK_RUN_PORT
    # for `flask run` is a real number, since the capstone's links in emails name it too.
    environment = {
        **venv_environ(),
        "PORT": "0",
        "FLASK_RUN_PORT": str(free_port()),
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    server = Server(process)
    reader = threading.Thread(target=server.collect, args=(process.stdout,), daemon=True)
    reader.start()
    try:
        found = server.wait_for(URL_IN_BANNER.pattern, timeout)
        server.url = f"http://{found.group(1)}:{found.group(2)}"
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        reader.join(timeout=5)
        process.stdout.close()


def fetch(url, method, path, body=None, headers=None):
    """Send one request over a real connection to `url`; return (status, headers, body)."""
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()
