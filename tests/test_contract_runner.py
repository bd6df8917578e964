"""The contract suite as a learner runs it: `pytest tests/contract --app their_app.py`."""

import subprocess
import sys
from types import SimpleNamespace

from harness.stages import ROOT
from harness.stages import load_module

NAIVE_APP = """
def application(environ, start_response):
    name = environ["PATH_INFO"].rsplit("/", 1)[-1]
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    return [f"<h1>Hello, {name}!</h1>".encode()]
"""


def run_contract(*args):
    """Run the contract suite in a fresh pytest process; return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "pytest", "tests/contract", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_naive_app_fails_with_one_hint_per_check(tmp_path):
    app = tmp_path / "my_app.py"
    app.write_text(NAIVE_APP, encoding="utf-8")
    result = run_contract("--app", f"{app}:application")
    assert result.returncode == 1
    assert "checks fail; start with the first" in result.stdout
    assert (
        "test_index_is_a_welcome_page_linking_every_route\n    hint: GET / must answer 200"
        in result.stdout
    )
    assert "hint: escape user text before it goes into HTML" in result.stdout


def test_hints_reach_the_summary_from_the_report_alone():
    # Under pytest-xdist the test runs in a worker; only its report reaches the main
    # process. The summary must work from the report's user_properties alone.
    summary = load_module(ROOT / "tests" / "conftest.py").HintSummary()
    report = SimpleNamespace(
        nodeid="tests/contract/test_pages.py::test_x[app]",
        user_properties=[("hint", ["test_x", "do the thing"])],
    )
    summary.pytest_runtest_logreport(report)
    summary.pytest_runtest_logreport(SimpleNamespace(nodeid="other", user_properties=[]))
    assert summary.failing == {
        ("test_x", "do the thing"): ["tests/contract/test_pages.py::test_x[app]"]
    }


def test_a_missing_file_is_one_clear_error():
    result = run_contract("--app", "nowhere/app.py")
    assert result.returncode == 4  # pytest's "usage error"
    assert "--app nowhere/app.py: FileNotFoundError: there is no file" in result.stderr
