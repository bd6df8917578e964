"""The smoke tests' stack, for real, on loopback: nginx ▶ gunicorn (2 workers) ▶ PostgreSQL, Redis.

Started as the deployment README says, with capstone/deploy/gunicorn.conf.py and
capstone/deploy/nginx.conf (its addresses and paths swapped for loopback ones). Needs
a PostgreSQL server (POSTGRES_URL, or TEST_DATABASE_URL), REDIS_URL and nginx:
`.ci/run` provides all three. On a laptop without them the tests skip, saying what is
missing; under CI they fail. One stack serves test_smoke.py and test_nginx_front.py,
which are therefore in one pytest-xdist group ("smoke-stack").
"""

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from capstone_support import postgres
from capstone_support.servers import running_nginx
from capstone_support.servers import start_gunicorn
from capstone_support.servers import wait_for_workers
from capstone_support.servers import wait_until_ready
from harness.servers import free_port
from harness.servers import venv_environ

# A PostgreSQL server where this role may create databases (the test makes its own).
POSTGRES_URL = os.environ.get("POSTGRES_URL") or os.environ.get("TEST_DATABASE_URL", "")
REDIS_URL = os.environ.get("REDIS_URL")
MISSING = [
    what
    for what, present in [
        ("POSTGRES_URL (a PostgreSQL URL)", POSTGRES_URL.startswith("postgresql")),
        ("REDIS_URL", bool(REDIS_URL)),
        ("nginx", shutil.which("nginx") is not None),
    ]
    if not present
]
WORKERS, THREADS = 2, 20  # gunicorn's, per worker


@dataclass
class Stack:
    """The running stack: nginx's base URL and port, gunicorn's port, log and threads."""

    base: str
    nginx_port: int
    app_port: int
    log: Path
    threads: int = WORKERS * THREADS


@pytest.fixture(scope="session")
def services_present():
    """Skip without the services, except on CI, where a missing service is a failure."""
    if MISSING:
        reason = "the smoke test needs " + ", ".join(MISSING)
        if os.environ.get("CI") == "true":
            pytest.fail(reason + ": .ci/run should have provided it")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def stack(services_present, tmp_path_factory):
    """Nginx and gunicorn running on a fresh PostgreSQL database."""
    folder = tmp_path_factory.mktemp("stack")
    app_port = free_port()
    env = {
        **venv_environ(),
        "CAPSTONE_ENV": "production",
        "SECRET_KEY": "smoke-test-secret-key-0123456789abcdef",
        "DATABASE_URL": postgres.fresh_database(POSTGRES_URL, suffix=f"smoke_{os.getpid()}"),
        "REDIS_URL": REDIS_URL,
        "UPLOAD_FOLDER": str(folder / "uploads"),
        "TRUSTED_PROXIES": "1",
        "PORT": str(app_port),
        "WEB_CONCURRENCY": str(WORKERS),
        "WEB_THREADS": str(THREADS),
        # TLS ends in front of nginx in a real deployment; this test speaks plain HTTP.
        "FLASK_SESSION_COOKIE_SECURE": "false",
        "FLASK_REMEMBER_COOKIE_SECURE": "false",
    }
    log = folder / "gunicorn.log"
    with log.open("w") as output, running_nginx(app_port, folder) as (nginx, nginx_port):
        base = f"http://127.0.0.1:{nginx_port}"
        env["PUBLIC_URL"] = base
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "capstone", "init-db"], env=env, check=True
        )
        gunicorn = start_gunicorn(env, folder, output)
        try:
            wait_until_ready(f"{base}/health/ready", [gunicorn, nginx])
            wait_for_workers(f"http://127.0.0.1:{app_port}/health", log, WORKERS)
            yield Stack(base, nginx_port, app_port, log)
        finally:
            gunicorn.terminate()
            gunicorn.wait(timeout=30)
            print(log.read_text())  # shown by pytest when a test failed
