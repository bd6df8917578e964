"""The contract suite runs against every stage present, or against the apps given with --app.

Each test carries `@pytest.mark.hint(...)`: when it fails, the hint is printed under
the failure and again in a list at the end of the run, one line per failure, so a
learner checking their own code sees what to look at first (tests/conftest.py).
"""

import pytest
from harness.stages import load_target
from harness.stages import stage_dirs
from harness.wsgi_client import WSGIClient

# Run (and report) from the basics to the subtle, the order in which a learner builds the app.
FILE_ORDER = ["test_pages.py", "test_forms.py", "test_escaping.py", "test_robustness.py"]


def pytest_generate_tests(metafunc):
    """Parametrize every test that uses `hello_app` over the stages (or the --app targets)."""
    if "hello_app" not in metafunc.fixturenames:
        return
    targets = metafunc.config.getoption("app")
    if targets:
        ids = [target.rpartition("/")[2] for target in targets]
    else:
        ids = [path.name for path in stage_dirs()]
        targets = [f"{path / 'app.py'}:application" for path in stage_dirs()]
    metafunc.parametrize("hello_app", targets, ids=ids, indirect=True)


@pytest.fixture
def hello_app(request):
    """The WSGI callable under test, loaded from 'path/to/file.py:callable'."""
    try:
        return load_target(request.param)
    except Exception as error:
        problem = f"{type(error).__name__}: {error}"
    pytest.fail(f"could not load {request.param}: {problem}", pytrace=False)


@pytest.fixture
def client(hello_app):
    """A stdlib WSGI client for the app under test; see harness/wsgi_client.py."""
    return WSGIClient(hello_app)


def pytest_collection_modifyitems(items):
    """Order the contract tests by FILE_ORDER; other tests keep their place."""
    rank = {name: index for index, name in enumerate(FILE_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, -1))
