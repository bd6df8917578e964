"""A pytest plugin for `make check`: each check's outcome and hint, written as JSON.

Loaded with `-p tools.report` when LEARN_REPORT names a file. tools/check.py reads the
file rather than pytest's terminal output, which is meant for people, not programs.
"""

import json
import os
from pathlib import Path


class Report:
    """Collects one entry per test: its id, its outcome, and its hint when it failed."""

    def __init__(self, path):
        self.path = Path(path)
        self.entries = {}

    def pytest_runtest_logreport(self, report):
        """Keep the outcome that matters: a failed setup or call, else the call's result."""
        hint = next((value[1] for name, value in report.user_properties if name == "hint"), None)
        entry = self.entries.setdefault(
            report.nodeid, {"outcome": "passed", "hint": None, "error": None}
        )
        if report.failed:
            entry.update(outcome="failed", hint=entry["hint"] or hint)
            said = next((value for name, value in report.user_properties if name == "error"), None)
            entry["error"] = entry["error"] or said or first_line(report)
        elif report.skipped and entry["outcome"] == "passed":
            entry["outcome"] = "skipped"

    def pytest_runtest_makereport(self, item, call):
        """Note what a failure said while the exception itself is at hand; pytest makes the report.

        A missing key is the common case it helps: Werkzeug's headers and forms raise
        BadRequestKeyError, whose text ("400 Bad Request: The browser (or proxy)...") hides
        the key the check looked up.
        """
        if call.excinfo is not None and not call.excinfo.errisinstance(AssertionError):
            error = call.excinfo.value
            if isinstance(error, KeyError) and error.args:
                said = f"KeyError: {error.args[0]!r} is missing"
            else:
                said = call.excinfo.exconly().strip().splitlines()[0]
            item.user_properties.append(("error", shorten(said)))
        # None: pytest's own implementation still makes the report, user_properties included.

    def pytest_sessionfinish(self, session):
        """Write every entry, in the order the tests ran."""
        rows = [{"nodeid": nodeid, **entry} for nodeid, entry in self.entries.items()]
        self.path.write_text(json.dumps(rows, indent=1), encoding="utf-8")


def first_line(report):
    """What the failure said, on one line: 'assert 404 == 200'."""
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is None:
        return None
    return shorten(crash.message.strip().splitlines()[0] if crash.message.strip() else "")


def shorten(line, width=160):
    """`line`, cut to `width` characters."""
    return line if len(line) <= width else line[: width - 3] + "..."


def pytest_configure(config):
    """Register the report when LEARN_REPORT says where to write it."""
    if os.environ.get("LEARN_REPORT"):
        config.pluginmanager.register(Report(os.environ["LEARN_REPORT"]), "learn-report")
