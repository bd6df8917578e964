"""A real Celery worker for the capstone, in a process of its own, as the README runs it."""

import os
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

from harness.stages import ROOT


def wait_for(condition, timeout=30.0):
    """Poll `condition` until it is true or `timeout` seconds pass; return its last value."""
    deadline = time.monotonic() + timeout
    while not (value := condition()) and time.monotonic() < deadline:
        time.sleep(0.1)
    return value


@contextmanager
def celery_worker(settings):
    """`celery -A capstone.worker worker` with `settings` in its environment, until closed."""
    command = [sys.executable, "-m", "celery", "-A", "capstone.worker", "worker"]
    # One process, and --purge: jobs left in the queue by an earlier run are dropped.
    command += ["--pool", "solo", "--purge", "--without-gossip", "--without-mingle"]
    command += ["--loglevel", "INFO"]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **settings},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        # Queue nothing before the worker is ready: its --purge would drop it.
        assert wait_for(lambda: any(" ready." in line for line in lines)), "".join(lines)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=20)
        reader.join(timeout=5)
        process.stdout.close()
        print("".join(lines))  # shown by pytest if the test failed
