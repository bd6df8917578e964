"""The contract suite runs against every stage present, the apps given with --app, or URLs.

With `--app FILE.py:CALLABLE` the checks call a WSGI app in-process (WSGIClient);
with `--url http://HOST:PORT` they send the same requests to a running server
(HTTPClient), in any language. Checks marked `wsgi_only` need the callable itself
(wsgiref's validator) and are skipped in URL mode, saying so.

Each test carries `@pytest.mark.hint(...)`: when it fails, the hint is printed under
the failure and again in a list at the end of the run, one line per failure, so a
learner checking their own code sees what to look at first (tests/conftest.py).
"""

import sys
from contextlib import ExitStack

import pytest
from harness.http_client import HTTPClient
from harness.servers import running_server
from harness.stages import ROOT
from harness.stages import load_target
from harness.stages import stage_dirs
from harness.wsgi_client import WSGIClient

# The same app in other frameworks (compare/), checked with the stages by default.
COMPARE_WSGI = {"with_django": ROOT / "compare" / "with_django" / "app.py"}
# Not WSGI: checked over HTTP, against the server its app.py starts (uvicorn).
COMPARE_SERVED = {"with_fastapi": "compare/with_fastapi/app.py"}
# Its start imports FastAPI, SQLAlchemy and the capstone's models: seconds on a busy machine.
START_TIMEOUT = 60

# Run (and report) from the basics to the subtle, the order in which a learner builds the app.
FILE_ORDER = ["test_pages.py", "test_forms.py", "test_escaping.py", "test_robustness.py"]


def pytest_generate_tests(metafunc):
    """Parametrize the tests that use `app_under_test` over the stages, --app targets or --url."""
    if "app_under_test" not in metafunc.fixturenames:
        return
    urls = metafunc.config.getoption("url")
    targets = metafunc.config.getoption("app")
    if urls:
        targets, ids = urls, [url.removeprefix("http://") for url in urls]
    elif targets:
        ids = [target.rpartition("/")[2] for target in targets]
    else:
        ids = [path.name for path in stage_dirs()] + list(COMPARE_WSGI)
        targets = [f"{path / 'app.py'}:application" for path in stage_dirs()]
        targets += [f"{path}:application" for path in COMPARE_WSGI.values()]
        ids += list(COMPARE_SERVED)
        targets += [f"served:{name}" for name in COMPARE_SERVED]
    metafunc.parametrize("app_under_test", targets, ids=ids, indirect=True)


@pytest.fixture
def app_under_test(request):
    """What the checks run against: 'path/to/file.py:callable', or a server's URL."""
    return request.param


@pytest.fixture(scope="session")
def served():
    """Start a COMPARE_SERVED app on first use (free port), stop it at the end; return its URL."""
    with ExitStack() as stack:
        urls = {}

        def url_of(name):
            if name not in urls:
                # -W error: a warning in the served app fails the run, as in-process.
                command = [sys.executable, "-W", "error", COMPARE_SERVED[name]]
                urls[name] = stack.enter_context(running_server(command, timeout=START_TIMEOUT)).url
            return urls[name]

        yield url_of


@pytest.fixture
def client(request, app_under_test, served):
    """A client for the target: in-process for a WSGI callable, over HTTP for a URL."""
    target = app_under_test
    if target.startswith("served:"):
        target = served(target.removeprefix("served:"))
    if target.startswith(("http://", "https://")):
        if request.node.get_closest_marker("wsgi_only"):
            pytest.skip("needs the WSGI callable in-process (wsgiref.validate); skipped with --url")
        return HTTPClient(target)
    try:
        return WSGIClient(load_target(target))
    except Exception as error:
        problem = f"{type(error).__name__}: {error}"
    pytest.fail(f"could not load {target}: {problem}", pytrace=False)


def pytest_collection_modifyitems(items):
    """Order the contract tests by FILE_ORDER; other tests keep their place."""
    rank = {name: index for index, name in enumerate(FILE_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, -1))
