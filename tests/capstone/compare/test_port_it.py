"""The check of compare/README.md's exercise "Port it": GET /api/v1/projects/<id>, ported.

Run it against your copy of compare/ (`cp -r compare workspace/`, then port the
endpoint in workspace/compare/):

    .venv/bin/pytest tests/capstone/compare/test_port_it.py --stage-dir workspace/compare

Both versions must answer each request exactly as the capstone does. Without
--stage-dir the check skips; the tests after it show that it fails on compare/ as it
is and passes on the worked solution (tests/exercises/solutions/compare/port_it.patch).
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from harness.stages import COMPARE
from harness.stages import ROOT

SOLUTION = ROOT / "tests" / "exercises" / "solutions" / "compare" / "port_it.patch"


def port_it_cases(world):
    """The exercise's requests: members, an admin, an outsider, bad tokens, other projects."""
    project = f"/api/v1/projects/{world['project']}"
    cases = [(who, project) for who in ("alice", "bob", "root", "carol", "expired", "none")]
    return [
        *cases,
        ("alice", f"/api/v1/projects/{world['other']}"),
        ("root", f"/api/v1/projects/{world['other']}"),
        ("alice", "/api/v1/projects/99999"),
    ]


@pytest.fixture
def learners_copy(pytestconfig):
    """The learner's copy of compare/, or a skip when none was given."""
    chosen = pytestconfig.getoption("stage_dir")
    if not chosen or not (Path(chosen) / "with_django" / "app.py").is_file():
        pytest.skip("the exercise's check runs against your copy: --stage-dir workspace/compare")
    return Path(chosen).resolve()


@pytest.mark.hint(
    "both versions must answer GET /api/v1/projects/<id> like the capstone's project_json: "
    "a serializer and a RetrieveAPIView (Django), a response model and a path operation (FastAPI)"
)
def test_port_it(learners_copy, world, serve, differences):
    with serve(learners_copy) as urls:
        different = differences(port_it_cases(world), urls)
    assert not different, f"{len(different)} answers differ:\n" + "\n".join(different)


def test_the_check_fails_on_compare_as_it_is(world, servers, differences):
    # Before the port, every request of the exercise gets another answer from both.
    assert len(differences(port_it_cases(world), servers)) == 2 * len(port_it_cases(world))


def test_the_check_passes_on_the_worked_solution(tmp_path, world, serve, differences):
    copy = tmp_path / "compare"
    shutil.copytree(COMPARE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["git", "apply", str(SOLUTION)], cwd=copy, check=True, timeout=30)
    with serve(copy) as urls:
        assert differences(port_it_cases(world), urls) == []
