"""The learner's toolkit: starters fail their checks, references pass them, nothing is lost.

tools/learn.py and tools/check.py are run here against a workspace in a temporary
folder, so a learner's real workspace/ is never touched by the tests.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from harness.stages import ROOT

from tools import check as checking
from tools import learn
from tools import printout
from tools import stages as places

STARTED = sorted(path.name for path in (ROOT / "starters").iterdir())


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """An empty workspace folder that every tool uses instead of workspace/."""
    folder = tmp_path / "workspace"
    for module in (places, checking, learn, printout):
        monkeypatch.setattr(module, "WORKSPACE", folder)
    return folder


@pytest.fixture
def started(workspace, capsys):
    """Stage 01 started in the workspace, the output of make start already read."""
    learn.main(["start", "01"])
    capsys.readouterr()
    return workspace / "01_raw_wsgi"


@pytest.mark.parametrize("name", STARTED)
def test_every_starter_fails_its_checks_and_each_failure_has_a_hint(name, workspace):
    assert learn.main(["start", name]) == 0
    stage, folder = places.find(name), workspace / name
    result, problem = checking.run(stage)
    # Stage 06's app.py calls create_app() at import: until the TODOs it runs are done, the
    # app cannot be built, and what the learner sees is the TODO to do, with its place.
    # Here the blocking file is taken from the reference, one at a time, as a learner
    # would fill it in, until the checks run.
    for _ in range(5):
        if not problem:
            break
        blocking = re.search(r"NotImplementedError: TODO: .*\n  \(at (\S+):\d+\)", problem)
        assert blocking, f"a starter that cannot load must say which TODO stops it: {problem}"
        file = Path(blocking.group(1)).relative_to(folder)
        (folder / file).write_text((stage / file).read_text(encoding="utf-8"), encoding="utf-8")
        result, problem = checking.run(stage)
    assert problem == "" and not result.ok
    assert result.exercises_done == 0
    assert set(result.errors) <= set(result.failing) and all(result.errors.values())
    unhinted = [
        name for name, (hint, _) in result.failing.items() if hint == checking.readable(name)
    ]
    assert unhinted == [], "every check a starter fails should carry a hint"


def test_make_check_says_passed_for_a_reference_stage(monkeypatch):
    # That every reference stage passes its checks is the rest of this suite: the contract
    # and tests/NN_name/ run against each reference folder. Here, that make check says so.
    monkeypatch.setattr(checking, "WORKSPACE", ROOT)
    result, problem = checking.run(places.find("01"))
    assert problem == "" and result.ok, result.failing
    # A finished stage with no exercise tried: none counts as done, not even exercise 2,
    # which breaks the escaping and puts it back (its check passes as soon as it is back).
    assert (result.exercises_done, result.exercises, len(result.exercises_failing)) == (0, 4, 4)
    assert "test_exercise_2_the_escaping_is_back" not in result.exercises_failing


@pytest.mark.parametrize("name", STARTED)
def test_the_exercise_checks_pass_on_the_worked_solutions(name):
    checks = ROOT / "tests" / "exercises" / f"test_{name}.py"
    solution = ROOT / "tests" / "exercises" / "solutions" / name
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(checks)]
    result = subprocess.run(
        [*command, f"--stage-dir={solution}"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"^5 passed", result.stdout, flags=re.MULTILINE), result.stdout[-3000:]


def test_start_copies_the_starter_once(workspace, capsys):
    assert learn.main(["start", "1"]) == 0  # "1", "01" and "01_raw_wsgi" all name it
    assert (workspace / "01_raw_wsgi" / "app.py").read_text() == (
        ROOT / "starters" / "01_raw_wsgi" / "app.py"
    ).read_text()
    assert "make check STAGE=01" in capsys.readouterr().out
    (workspace / "01_raw_wsgi" / "app.py").write_text("# my work\n")
    assert learn.main(["start", "01"]) == 1  # a second start never overwrites
    assert (workspace / "01_raw_wsgi" / "app.py").read_text() == "# my work\n"
    assert "make reset STAGE=01" in capsys.readouterr().out


def test_reset_keeps_the_learners_files(started, capsys):
    (started / "app.py").write_text("# my work\n")
    assert learn.main(["reset", "01"]) == 0
    [backup] = (started.parent / ".backup").iterdir()
    assert (backup / "app.py").read_text() == "# my work\n"
    assert "# my work" not in (started / "app.py").read_text()
    assert str(backup.name) in capsys.readouterr().out


def test_solution_shows_the_difference_with_the_reference(started, capsys):
    assert learn.main(["solution", "01"]) == 0
    shown = capsys.readouterr().out
    assert "--- yours/app.py" in shown and "+++ 01_raw_wsgi/app.py" in shown
    assert '-    raise NotImplementedError("TODO: wsgi_text")' in shown


def test_solution_leaves_out_caches_and_the_instance_folder(started, capsys):
    for made in ("__pycache__/app.cpython-311.pyc", "instance/hello.sqlite"):
        (started / made).parent.mkdir(exist_ok=True)
        (started / made).write_bytes(b"not the learner's code")
    assert learn.main(["solution", "01"]) == 0
    shown = capsys.readouterr().out
    assert "yours only" not in shown and "hello.sqlite" not in shown


def test_diff_shows_what_the_next_stage_adds(capsys):
    assert learn.main(["diff", "01", "02"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("# From 01_raw_wsgi to 02_middleware")
    assert "## What's new since 01" in shown
    assert "+++ 02_middleware/app.py" in shown
    assert "make diff FROM" not in shown  # the README's pointer to this command is left out
    assert learn.main(["diff", "02", "01"]) == 1


@pytest.mark.parametrize("stage", places.reference_stages()[1:], ids=lambda path: path.name)
def test_each_stage_readme_points_to_its_diff(stage):
    previous = places.reference_stages()[places.reference_stages().index(stage) - 1]
    readme = (stage / "README.md").read_text(encoding="utf-8")
    assert f"`make diff FROM={previous.name[:2]} TO={stage.name[:2]}`" in readme


def test_check_ends_with_the_progress_of_every_stage(started, capsys, monkeypatch):
    # The checks themselves ran in the tests above; here, what is printed of their result.
    failing = {
        "test_index": ("GET / must answer 200", ["", ""]),
        "test_hello": ("route /hello/<name>", [""]),
        "test_head": ("answer HEAD like GET", ["/", "/nope"]),
        "test_length": ("count the bytes", [""]),
        "test_get": ("answer GET", [""]),
    }
    errors = {
        "test_index": "NotImplementedError: TODO: index",
        "test_hello": "NotImplementedError: TODO: index",
        "test_head": "TypeError: 'NoneType' object is not callable",
        "test_length": "assert 3 == 4",
        "test_get": "TypeError: 'NoneType' object is not callable",
    }
    result = checking.Result(
        passed=3,
        failing=failing,
        errors=errors,
        exercises=5,
        exercises_done=1,
        exercises_failing={
            "test_footer": ("add a footer to base.html", None),
            "test_stream": ("stream it", "NotImplementedError: TODO: index"),
        },
    )
    monkeypatch.setattr(checking, "run", lambda stage: (result, ""))
    assert learn.main(["check", "01"]) == 1
    shown = capsys.readouterr().out
    assert "✗ 01_raw_wsgi: 3 of 10 checks pass" in shown
    # Two checks (three cases) wait on one TODO: one line, in the same unit as the count.
    assert "    ✗ 3 checks wait on TODO: index\n        hint: write it first" in shown
    assert "GET / must answer 200" not in shown and "route /hello" not in shown
    # A recognised cause replaces the check's own hint; what was seen stays below it.
    # and checks failing of one cause make one line too.
    assert (
        "    ✗ 3 checks fail of one cause, the first: test_head\n        hint: a response " in shown
    )
    assert "test_get" not in shown and "answer HEAD like GET" not in shown
    assert "        saw:  TypeError: 'NoneType' object is not callable" in shown
    assert "    ✗ test_length\n        hint: count the bytes\n        saw:  assert 3 == 4" in shown
    assert "exercises: 1 of 5 done (optional)" in shown
    assert "    ○ test_footer\n        hint: add a footer to base.html" in shown
    assert "test_stream" not in shown  # it waits on the TODO listed above
    assert "01_raw_wsgi      in progress: 3 of 10 checks pass" in shown
    assert "02_middleware    not started" in shown
    assert "'Error 1' make prints\nafter this is that status, not a crash." in shown


def test_a_file_that_does_not_even_load_is_named_with_its_line(started, capsys):
    (started / "app.py").write_text("def broken(:\n", encoding="utf-8")
    assert learn.main(["check", "01"]) == 1
    shown = capsys.readouterr().out
    assert "01_raw_wsgi: the checks could not run." in shown
    assert "SyntaxError" in shown and "app.py:1" in shown
    assert "01_raw_wsgi      in progress: its checks could not run (see above)" in shown


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["start", "09"], "There is no stage '09'. Say one of 01, 02"),
        (["check", "09"], ", 06, capstone: make check STAGE=01"),
        (["check", ""], "Say which stage: make check STAGE=01"),
        (["reset", " "], "Say which stage: make reset STAGE=01"),
        (["diff", "01", ""], "Say which stage: make diff FROM=01 TO=02"),
        (["check", "01"], "You have not started 01_raw_wsgi yet: make start STAGE=01"),
        (["solution", "01"], "You have not started 01_raw_wsgi: make start STAGE=01"),
    ],
)
def test_mistakes_get_a_sentence_not_a_traceback(workspace, capsys, argv, message):
    assert learn.main(argv) in (1, 2)
    assert message in capsys.readouterr().out


def test_a_stage_without_a_starter_says_how_to_go_on(workspace, capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(learn, "STARTERS", tmp_path / "no-starters")
    (tmp_path / "no-starters").mkdir()
    assert learn.main(["start", "02"]) == 2
    assert "has no starter yet" in capsys.readouterr().out


def test_the_report_says_which_key_was_missing(tmp_path):
    checks = tmp_path / "test_checks.py"
    checks.write_text(
        "from werkzeug.datastructures import Headers\n"
        "def test_header():\n    Headers()['X-Request-Id']\n"
        "def test_raises():\n    raise NotImplementedError('TODO: index')\n"
        "def test_asserts():\n    assert 1 == 2\n",
        encoding="utf-8",
    )
    report, settings = tmp_path / "report.json", tmp_path / "pytest.ini"
    settings.write_text("[pytest]\n", encoding="utf-8")  # not the repository's settings
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--tb=no"]
    command += ["-p", "tools.report", "-c", str(settings), str(checks)]
    env = {**os.environ, "LEARN_REPORT": str(report)}
    ran = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert report.exists(), ran.stdout + ran.stderr
    rows = json.loads(report.read_text(encoding="utf-8"))
    assert {row["nodeid"].rpartition("::")[2]: row["error"] for row in rows} == {
        # Werkzeug's BadRequestKeyError prints "400 Bad Request: ..." and hides the key.
        "test_header": "KeyError: 'X-Request-Id' is missing",
        "test_raises": "NotImplementedError: TODO: index",
        "test_asserts": "assert 1 == 2",
    }
