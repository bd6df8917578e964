"""A WSGI app under gunicorn (sync workers), loaded by wrk: requests/s and latency percentiles.

Both run on loopback. On a 2-core machine wrk and gunicorn share the cores, so absolute
numbers are low and vary; the report compares figures of one run as ratios.
"""

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass

UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


@dataclass
class Load:
    """What wrk measured for one URL."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float


def free_port():
    """A TCP port on loopback that nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(target, cwd, env=None, workers=2, worker_class="sync"):
    """Serve `target` ("module:callable", from `cwd`) with `workers` workers; yield its URL.

    `worker_class` is gunicorn's: "sync" for WSGI apps, "uvicorn_worker.UvicornWorker"
    for ASGI ones.
    """
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class"]
    command += [worker_class, "--bind", f"127.0.0.1:{port}", "--log-level", "warning", target]
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(url, process, timeout=30):
    """Poll `url` until the server answers at all; fail if the process exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            urllib.request.urlopen(url + "/health", timeout=2)  # noqa: S310 (loopback only)
            return
        except urllib.error.HTTPError:
            return  # it answered (a 404 is an answer)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer in {timeout} s")


def load(url, seconds, headers=(), connections=16):
    """Run wrk against `url` for `seconds` (after a 1 s warm-up) and parse what it prints."""
    options = [item for header in headers for item in ("-H", header)]
    subprocess.run(["wrk", "-t2", "-c4", "-d1s", *options, url], capture_output=True, check=True)
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", *options, url]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        raise RuntimeError(f"{url} answered errors under load:\n{output}")
    return Load(
        float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        percentile(output, "50%"),
        percentile(output, "99%"),
    )


def percentile(output, label):
    """A latency percentile of wrk's --latency table, in milliseconds."""
    value, unit = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE).groups()
    return float(value) * UNITS[unit]


def wrk_missing():
    """A message saying how to install wrk, or None when it is there."""
    if shutil.which("wrk"):
        return None
    return "make bench needs wrk, the HTTP load generator: sudo apt-get install wrk"


def etag(url, token):
    """The ETag of a GET of `url` with the Authorization header `token`."""
    request = urllib.request.Request(url, headers={"Authorization": token})  # noqa: S310
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (loopback only)
        return response.headers["ETag"]
