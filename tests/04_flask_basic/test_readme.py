"""The `pycon` examples in 04_flask_basic/README.md, run with doctest against the real app.

They run in a fresh interpreter inside 04_flask_basic/, as the README tells a learner
to, so `from app import app` imports the stage exactly as it does for them.
"""

import re
import subprocess
import sys

import pytest
from harness.stages import ROOT
from harness.stages import folder_for
from harness.stages import stage_dir

STAGE = ROOT / "04_flask_basic"
# About the reference stage's README: skipped when the tests check a learner's folder.
pytestmark = pytest.mark.skipif(
    folder_for("04") != stage_dir("04"), reason="checks the README of the reference stage"
)


def test_the_readme_examples_print_what_the_app_really_holds(tmp_path):
    readme = (STAGE / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```", readme, flags=re.MULTILINE | re.DOTALL)
    assert blocks, "the README should show the url_map from a Python shell"
    examples = tmp_path / "examples.txt"
    examples.write_text("\n".join(blocks), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "doctest", "-v", str(examples)],
        cwd=STAGE,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr
    assert re.search(r"^(\d+) passed and 0 failed", result.stdout, flags=re.MULTILINE)
