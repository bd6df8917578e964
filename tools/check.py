"""`make check STAGE=NN`: run a stage's checks against your workspace, with a hint per failure.

The checks of a stage are the contract suite (what every stage's hello app does), the
stage's own tests (tests/NN_name/, pointed at your folder with --stage-dir) and, not
needed to pass, the checks of its README's exercises (tests/exercises/). The stage you
name is checked first, then every earlier stage you have started, and the run ends
with your progress through all of them.
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

from tools.stages import ROOT
from tools.stages import STARTERS
from tools.stages import WORKSPACE
from tools.stages import reference_stages


@dataclass
class Result:
    """How one stage's checks went: failures grouped by check, each with its hint."""

    passed: int = 0
    failing: dict = field(default_factory=dict)  # check name -> (hint, failing cases)
    errors: dict = field(default_factory=dict)  # check name -> what its first failure said
    exercises_done: int = 0
    exercises: int = 0

    @property
    def ok(self):
        """Every required check passes (exercises are extra)."""
        return not self.failing and self.passed > 0


def check_name(nodeid):
    """'tests/x/test_a.py::test_b[case]' -> 'test_b'."""
    return re.sub(r"\[.*\]$", "", nodeid.rpartition("::")[2])


def readable(name):
    """A hint for a check that has none: its name, in words."""
    return name.removeprefix("test_").replace("_", " ")


def run(stage):
    """Run the checks of `stage` (a reference folder) against the workspace's copy."""
    folder = WORKSPACE / stage.name
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
        command += ["-p", "tools.report", f"--app={folder / 'app.py'}:application"]
        command += [f"--stage-dir={folder}"]
        env = {**os.environ, "LEARN_REPORT": str(report)}
        finished = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        if not report.exists():  # pytest stopped before running anything: show why
            return None, (finished.stdout + finished.stderr).strip()
        rows = json.loads(report.read_text(encoding="utf-8"))
    return summarise(rows), ""


def summarise(rows):
    """Turn the report's rows into a Result."""
    result = Result()
    for row in rows:
        if "tests/exercises/" in row["nodeid"]:
            result.exercises += 1
            result.exercises_done += row["outcome"] == "passed"
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


def show(stage, result, problem, limit=None):
    """Print one stage's result: its count, then each failing check with its hint."""
    if result is None:
        print(f"{stage.name}: the checks could not run.\n{problem}\n")
        return
    total = result.passed + sum(len(cases) for _, cases in result.failing.values())
    mark = "✓" if result.ok else "✗"
    print(f"{mark} {stage.name}: {result.passed} of {total} checks pass (workspace/{stage.name})")
    failing = list(result.failing.items())
    for name, (hint, cases) in failing[:limit]:
        named = [case for case in cases if case]
        which = f" (failing with: {', '.join(named[:3])}{', ...' if len(named) > 3 else ''})"
        print(f"    ✗ {name}{which if named else ''}\n        hint: {hint}")
        if name in result.errors and result.errors[name] not in hint:
            print(f"        saw:  {result.errors[name]}")
    if limit is not None and len(failing) > limit:
        print(f"    ... and {len(failing) - limit} more: make check STAGE={stage.name[:2]}")
    if result.exercises:
        print(f"    exercises: {result.exercises_done} of {result.exercises} done (optional)")
    print()


def progress(results):
    """The last lines: every stage, passed, in progress, or not started."""
    print("Your progress")
    for stage in reference_stages():
        number = stage.name[:2]
        if stage.name in results:
            result = results[stage.name][0]
            if result is None:
                state = "in progress: its checks could not run (see above)"
            else:
                state = (
                    "passed" if result.ok else f"in progress: {len(result.failing)} checks to go"
                )
        elif (WORKSPACE / stage.name).exists():
            state = f"started: make check STAGE={number}"
        elif (STARTERS / stage.name).exists():
            state = f"not started: make start STAGE={number}"
        else:
            state = "not started (no starter yet: read the stage and build it from its README)"
        print(f"  {stage.name:16} {state}")


def check(stage):
    """Check `stage`, then the earlier started stages; print progress. 0 if `stage` passes."""
    if not (WORKSPACE / stage.name).exists():
        print(f"You have not started {stage.name} yet: make start STAGE={stage.name[:2]}")
        return 1
    results = {stage.name: run(stage)}
    show(stage, *results[stage.name])
    for earlier in reference_stages():
        if earlier.name < stage.name and (WORKSPACE / earlier.name).exists():
            results[earlier.name] = run(earlier)
            show(earlier, *results[earlier.name], limit=3)
    progress(results)
    result = results[stage.name][0]
    return 0 if result and result.ok else 1
