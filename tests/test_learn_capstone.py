"""The capstone's exercises: `make start/check STAGE=capstone`, failing as given, passing solved.

Like tests/test_learn.py for the stages: the checks run against a copy in a temporary
workspace, never the reference, and each worked solution (a patch in
tests/exercises/solutions/capstone/) is applied to a fresh copy and passes its checks.
"""

import re
import shutil
import subprocess
import sys

import pytest
from harness.stages import ROOT

from tools import check as checking
from tools import learn
from tools import printout
from tools import stages as places

CHECKS = ROOT / "tests" / "exercises" / "capstone"
SOLUTIONS = sorted((ROOT / "tests" / "exercises" / "solutions" / "capstone").glob("*.patch"))


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """An empty workspace folder that every tool uses instead of workspace/."""
    folder = tmp_path / "workspace"
    for module in (places, checking, learn, printout):
        monkeypatch.setattr(module, "WORKSPACE", folder)
    return folder


def test_the_untouched_capstone_fails_every_check_each_with_its_hint(workspace, capsys):
    assert learn.main(["start", "capstone"]) == 0
    assert "tests/exercises/capstone/README.md" in capsys.readouterr().out
    copy = workspace / "capstone"
    assert (copy / "models" / "task.py").read_bytes() == (
        places.CAPSTONE / "models" / "task.py"
    ).read_bytes()
    result, problem = checking.run(places.CAPSTONE)
    assert problem == "" and not result.ok
    assert result.passed == 0, "a check passes on the capstone as it is"
    exercises = {re.match(r"test_(\d)_", name).group(1) for name in result.failing}
    assert exercises == {"1", "2", "3", "4", "5"}
    unhinted = [
        name for name, (hint, _) in result.failing.items() if hint == checking.readable(name)
    ]
    assert unhinted == [], "every check carries a hint"
    assert learn.main(["start", "capstone"]) == 1  # a second start never overwrites


def test_make_check_capstone_counts_its_checks_and_shows_its_progress(
    workspace, capsys, monkeypatch
):
    assert learn.main(["start", "capstone"]) == 0
    result = checking.Result(passed=3, failing={"test_1_labels": ("add labels", [""])})
    monkeypatch.setattr(checking, "run", lambda stage: (result, ""))
    assert learn.main(["check", "capstone"]) == 1
    shown = capsys.readouterr().out
    assert "✗ capstone: 3 of 4 checks pass (workspace/capstone)" in shown
    assert "capstone         in progress: 3 of 4 checks pass" in shown
    assert "01_raw_wsgi      not started: make start STAGE=01" in shown


def test_the_exercise_checks_are_the_required_checks_of_the_capstone():
    rows = [{"nodeid": "tests/exercises/capstone/test_1_labels.py::test_1_x", "outcome": "passed"}]
    assert checking.summarise(rows, required=True).passed == 1
    assert checking.summarise(rows).passed == 0  # a stage's exercises stay optional


def named_path(name):
    """The file or folder a README or a hint names, in the capstone or the repository; or None."""
    places_to_look = (places.CAPSTONE, places.CAPSTONE / "templates", CHECKS, ROOT)
    return next((folder / name for folder in places_to_look if (folder / name).exists()), None)


def looks_like_a_path(name):
    """A name such as `api/schemas.py` or `templates/email/`, not a command or a URL."""
    return (
        " " not in name
        and not name.startswith(("/", "workspace/"))
        and ("/" in name or name.endswith((".py", ".html")))
    )


def test_every_file_the_exercises_name_is_there_with_the_names_read_in_it():
    text = (CHECKS / "README.md").read_text()
    named = [name for name in re.findall(r"`([^`]+)`", text) if looks_like_a_path(name)]
    hints = re.findall(r'@hint\("([^"]+)"\)', "".join(p.read_text() for p in CHECKS.glob("*.py")))
    named += [name for hint in hints for name in re.findall(r"[\w/]+\.(?:py|html)", hint)]
    assert [name for name in named if named_path(name) is None] == [], "moved: rename them"
    for paragraph in re.findall(r"^Read first: (.*?)(?:\n\n|\Z)", text, re.MULTILINE | re.DOTALL):
        file = None
        for name in re.findall(r"`([^`]+)`", paragraph):
            if looks_like_a_path(name):
                file = named_path(name)
            elif file is not None and file.is_file():
                assert name in file.read_text(), f"{name} is not in {file.relative_to(ROOT)}"


@pytest.mark.parametrize("patch", SOLUTIONS, ids=lambda path: path.stem)
def test_each_worked_solution_passes_its_checks(patch, tmp_path):
    shutil.copytree(
        places.CAPSTONE, tmp_path / "capstone", ignore=shutil.ignore_patterns("__pycache__")
    )
    applied = subprocess.run(
        ["git", "apply", str(patch)], cwd=tmp_path, capture_output=True, text=True
    )
    assert applied.returncode == 0, f"the capstone moved: rebase {patch.name}\n{applied.stderr}"
    [checks] = CHECKS.glob(f"test_{patch.name[0]}_*.py")
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(checks)]
    ran = subprocess.run(
        [*command, f"--stage-dir={tmp_path / 'capstone'}"], cwd=ROOT, capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stdout[-3000:]
    assert re.search(r"^\d+ passed in", ran.stdout, flags=re.MULTILINE), ran.stdout[-3000:]


def reference_head():
    """The revision of the capstone's newest migration: the one no other revises."""
    files = (places.CAPSTONE / "migrations" / "versions").glob("*.py")
    texts = [path.read_text() for path in files]
    revisions = {re.search(r'^revision = "(.+)"', text, re.MULTILINE)[1] for text in texts}
    revised = {m[1] for text in texts if (m := re.search(r'^down_revision = "(.+)"', text, re.M))}
    [head] = revisions - revised
    return head


@pytest.mark.parametrize("patch", SOLUTIONS, ids=lambda path: path.stem)
def test_a_solution_migration_follows_the_newest_migration(patch):
    # Two heads and `upgrade head` refuses to run: a new migration of the capstone means
    # the solutions' migrations are renumbered onto it.
    for down in re.findall(r'^\+down_revision = "(.+)"', patch.read_text(), re.MULTILINE):
        assert down == reference_head(), f"{patch.name}: revise {reference_head()}, not {down}"
