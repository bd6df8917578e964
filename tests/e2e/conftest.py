"""The browser tests' fixtures: the capstone on a real server, and the system's Chromium.

The capstone runs as `make run` runs it (`flask run`, the embedded mode: SQLite, jobs
in-process, email to the log), on a free loopback port with a database of its own.
Playwright drives the Chromium of the distribution's packages, headless; nothing is
downloaded. Without Chromium or Playwright the tests skip and say why; under CI=true
(.ci/run installs both) that is a failure instead.
"""

import os
import secrets
import shutil
import sys

import pytest
from e2e.environment import ADMIN
from e2e.environment import CHROMIUM
from e2e.environment import PASSWORD
from e2e.environment import TIMEOUT_MS
from e2e.environment import flask
from harness.servers import running_server
from harness.stages import ROOT


def pytest_collection_modifyitems(items):
    """One xdist worker runs every browser test: they share one server and one browser."""
    for item in items:
        if item.path.is_relative_to(ROOT / "tests" / "e2e"):
            item.add_marker(pytest.mark.xdist_group("e2e"))


def unavailable(reason):
    """Skip on a laptop, fail on CI, where .ci/run should have installed what is missing."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: on CI, .ci/run installs it")
    pytest.skip(f"{reason}; see Browser tests in capstone/README.md")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium, driven by Playwright, for the whole run."""
    if shutil.which(CHROMIUM) is None:
        unavailable(f"{CHROMIUM} is missing (Debian: apt install chromium)")
    try:
        from playwright.sync_api import expect
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright is not installed in the virtual environment (make test does)")
    # expect() waits 5 s by default: too short for a busy 2-core machine running the
    # rest of the suite beside these tests. Actions already wait TIMEOUT_MS.
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture(scope="session")
def server_settings(tmp_path_factory):
    """The environment of the capstone under test: its own database, files and secret."""
    folder = tmp_path_factory.mktemp("e2e")
    return {
        "SECRET_KEY": secrets.token_hex(32),
        "DATABASE_URL": f"sqlite:///{folder / 'capstone.sqlite'}",
        "UPLOAD_FOLDER": str(folder / "uploads"),
    }


@pytest.fixture(scope="session")
def server(server_settings):
    """The capstone served by `flask run`, migrated, with one administrator."""
    flask(server_settings, "init-db")
    flask(
        server_settings,
        "create-admin",
        f"--username={ADMIN}",
        "--email=root@example.org",
        f"--password={PASSWORD}",
    )
    command = [sys.executable, "-m", "flask", "--app", "capstone", "run"]
    with running_server(command, env=server_settings) as running:
        yield running


@pytest.fixture
def new_page(browser, server):
    """A function: a page in a new browser context (its own cookies, as another person).

    Every page that loads in it is noted, and after the test each is opened again, in
    the same context, to check that it fits a phone and a laptop (people.fits): pages the
    test only passed through, not only those it checked with people.accessible.
    """
    contexts, visited = [], {}

    def open_page():
        context = browser.new_context(base_url=server.url, accept_downloads=True)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        page.on("load", lambda loaded: visited.setdefault(context, set()).add(loaded.url))
        return page

    yield open_page
    # Here, not at the top: people.py needs Playwright, whose absence `browser` reports.
    from e2e.people import fits

    try:
        for context, urls in visited.items():
            again = context.new_page()
            for url in sorted(urls):
                again.goto(url)
                fits(again)
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def page(new_page):
    """One page, for tests with one person."""
    return new_page()
