"""`make check STAGE=NN`: run a stage's checks against your workspace, with a hint per failure.

The checks of a stage are the contract suite (what every stage's hello app does), the
stage's own tests (tests/NN_name/, pointed at your folder with --stage-dir) and, not
needed to pass, the checks of its README's exercises (tests/exercises/). The stage you
name is checked first, then every earlier stage you have started, and the run ends
with your progress through all of them.

The capstone is the exception: its copy in the workspace is checked by its exercises'
checks alone (tests/exercises/capstone/), which are then what must pass.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

from tools.printout import progress
from tools.printout import show
from tools.stages import CAPSTONE
from tools.stages import ROOT
from tools.stages import WORKSPACE
from tools.stages import reference_stages
from tools.stages import short_name


@dataclass
class Result:
    """How one stage's checks went: failures grouped by check, each with its hint."""

    passed: int = 0
    failing: dict = field(default_factory=dict)  # check name -> (hint, failing cases)
    errors: dict = field(default_factory=dict)  # check name -> what its first failure said
    exercises_done: int = 0
    exercises: int = 0
    exercises_failing: dict = field(default_factory=dict)  # exercise check -> (hint, error)

    @property
    def ok(self):
        """Every required check passes (exercises are extra)."""
        return not self.failing and self.passed > 0


# The checks of the capstone's exercises.
CAPSTONE_CHECKS = ROOT / "tests" / "exercises" / "capstone"
# The name's ending of an exercise check that only sees the broken code put back.
RESTORED = "_is_back"


def check_name(nodeid):
    """'tests/x/test_a.py::test_b[case]' -> 'test_b'."""
    return re.sub(r"\[.*\]$", "", nodeid.rpartition("::")[2])


def readable(name):
    """A hint for a check that has none: its name, in words."""
    return name.removeprefix("test_").replace("_", " ")


def run(stage, folder=None, paths=None):
    """Run the checks of `stage` (a reference folder) against the workspace's copy.

    `folder` checks another copy instead, and `paths` runs only some of the checks (test
    files or node ids): tests/mutants/ runs each mistake against the checks meant to
    catch it, rather than the whole stage.
    """
    folder = folder or WORKSPACE / stage.name
    if paths is None and stage == CAPSTONE:
        paths = [str(CAPSTONE_CHECKS.relative_to(ROOT))]
    elif paths is None:
        paths = ["tests/contract", f"tests/{stage.name}"]
        exercises = ROOT / "tests" / "exercises" / f"test_{stage.name}.py"
        if exercises.exists():
            paths.append(str(exercises.relative_to(ROOT)))
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [
            sys.executable,
            "-m",
            "pytest",
            *paths,
            "-q",
            "--tb=no",
            "-p",
            "no:cacheprovider",
        ]
        command += ["-p", "tools.report", f"--stage-dir={folder}"]
        command += [] if stage == CAPSTONE else [f"--app={folder / 'app.py'}:application"]
        # No plugin the checks do not use: the installed ones (schemathesis brings
        # hypothesis) cost five seconds of start-up each run, the checks a tenth of that.
        env = {**os.environ, "LEARN_REPORT": str(report), "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if not report.exists():  # pytest stopped before running anything: show why
            return None, (finished.stdout + finished.stderr).strip()
        rows = json.loads(report.read_text(encoding="utf-8"))
    return summarise(rows, required=stage == CAPSTONE), ""


def summarise(rows, required=False):
    """Turn the report's rows into a Result; `required`: the exercises' checks must pass."""
    result = Result()
    for row in rows:
        if "tests/exercises/" in row["nodeid"] and not required:
            name = check_name(row["nodeid"])
            # "Break it, see what fails, put it back": its check passes on a stage where
            # the exercise was never tried, so it only speaks when the code is not back.
            restores = name.endswith(RESTORED)
            result.exercises += not restores
            result.exercises_done += row["outcome"] == "passed" and not restores
            if row["outcome"] == "failed":
                hint = row["hint"] or readable(name)
                result.exercises_failing.setdefault(name, (hint, row.get("error")))
        elif row["outcome"] == "passed":
            result.passed += 1
        elif row["outcome"] == "failed":
            name = check_name(row["nodeid"])
            hint, cases = result.failing.get(name, (row["hint"] or readable(name), []))
            result.failing[name] = (hint, [*cases, case_of(row["nodeid"])])
            if row.get("error"):
                result.errors.setdefault(name, row["error"])
    return result


def case_of(nodeid):
    """The parameters of a parametrized check, as pytest names them: '²-400'; '' if none.

    The contract's cases start with the app they ran against ('app.py:application-/nope'):
    always the learner's, so left out.
    """
    found = re.search(r"\[(.*)\]$", nodeid)
    case = (
        found.group(1).encode("ascii", "backslashreplace").decode("unicode_escape") if found else ""
    )
    return re.sub(r"^[\w.-]*\.py:\w+-?", "", case)


def check(stage):
    """Check `stage`, then the earlier started stages; print progress. 0 if `stage` passes."""
    if not (WORKSPACE / stage.name).exists():
        print(f"You have not started {stage.name} yet: make start STAGE={short_name(stage)}")
        return 1
    results = {stage.name: run(stage)}
    show(stage, *results[stage.name])
    for earlier in [] if stage == CAPSTONE else reference_stages():
        if earlier.name < stage.name and (WORKSPACE / earlier.name).exists():
            results[earlier.name] = run(earlier)
            show(earlier, *results[earlier.name], limit=3)
    progress(results)
    result = results[stage.name][0]
    if result and result.ok:
        return 0
    # The status tells scripts the stage is not done; make reports it with its own line.
    print("\nNot passed yet, so make check ends with status 1: the 'Error 1' make prints")
    print("after this is that status, not a crash.")
    return 1
