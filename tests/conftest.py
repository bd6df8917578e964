"""Options and hints shared by the whole suite.

`--app`, `--url` and `--stage-dir` live here rather than in the folders that use them because
pytest only reads options from the conftest files it loads first, and this one is
always among them. `--app` points the contract suite at any WSGI callable, `--url`
at any running server;
`--stage-dir` points a stage's own tests at another folder, a learner's workspace
(`make check` passes both).
"""

import traceback

import pytest
from harness.stages import choose
from harness.stages import load_target


def pytest_addoption(parser):
    """Add `--app path/to/file.py:callable`, to run the contract suite against any WSGI app."""
    parser.addoption(
        "--app",
        action="append",
        default=[],
        metavar="FILE.py:CALLABLE",
        help="run tests/contract against this WSGI callable instead of every stage "
        "(for example --app workspace/01_raw_wsgi/app.py:application)",
    )
    parser.addoption(
        "--url",
        action="append",
        default=[],
        metavar="http://HOST:PORT",
        help="run tests/contract over HTTP against this running server, in any language "
        "(for example --url http://127.0.0.1:8000); WSGI-only checks are skipped",
    )
    parser.addoption(
        "--stage-dir",
        default=None,
        metavar="FOLDER",
        help="run a stage's tests against this folder instead of the reference stage "
        "(for example --stage-dir workspace/01_raw_wsgi)",
    )


def pytest_configure(config):
    """Load every --app target once, so a broken file is one clear message, not one per test."""
    register_hint_summary(config)
    if config.getoption("stage_dir"):
        choose(config.getoption("stage_dir"))
    for target in config.getoption("app"):
        try:
            load_target(target)
        except Exception as error:
            where = traceback.extract_tb(error.__traceback__)[-1]
            line = getattr(error, "lineno", None) or where.lineno
            file_name = getattr(error, "filename", None) or where.filename
            message = f"--app {target}: {type(error).__name__}: {error}"
            if "harness" not in file_name:  # Point into the learner's file, not the loader.
                message += f"\n  (at {file_name}:{line})"
            raise pytest.UsageError(message) from None


# --- Hints: a one-line pointer printed for each failing check that has one ----------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Attach the test's hint to its failure report, where the summary will find it."""
    report = yield
    marker = item.get_closest_marker("hint")
    if report.failed and report.when in ("setup", "call") and marker:
        hint = marker.args[0]
        if report.when == "setup":
            # A fixture failed before the check began: say what broke, since that comes first.
            crash = getattr(report.longrepr, "reprcrash", None)
            reason = crash.message.splitlines()[0] if crash else "a fixture failed"
            hint = f"could not set the check up ({reason}); then: {hint}"
        report.sections.append(("Hint", hint))
        # user_properties travel with the report from an xdist worker to the main process.
        report.user_properties.append(("hint", (item.originalname, hint)))
    return report


class HintSummary:
    """Collects the hints of failing checks and lists them at the end of the run.

    A plugin object rather than module functions: pytest_runtest_logreport runs in the
    main process (also under pytest-xdist, where the tests run in workers) and is not
    given the config, so the collected hints live on this object.
    """

    def __init__(self):
        self.failing = {}

    def pytest_runtest_logreport(self, report):
        """Note each hint that a failing check's report carries."""
        for name, value in report.user_properties:
            if name == "hint":
                self.failing.setdefault(tuple(value), []).append(report.nodeid)

    def pytest_terminal_summary(self, terminalreporter):
        """List each failing check once, with its hint, in the order they ran."""
        if self.failing:
            terminalreporter.section(f"{len(self.failing)} checks fail; start with the first")
            for (name, hint), nodeids in self.failing.items():
                cases = f" ({len(nodeids)} cases)" if len(nodeids) > 1 else ""
                terminalreporter.write_line(f"{name}{cases}\n    hint: {hint}")


def register_hint_summary(config):
    """Register the hint summary once per run."""
    if not config.pluginmanager.has_plugin("check-hints"):
        config.pluginmanager.register(HintSummary(), "check-hints")
