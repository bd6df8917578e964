"""The "Read the real thing" guides name functions that exist in the installed packages.

When Flask, Werkzeug or Jinja2 move or rename a function a guide names, this fails and
says which README to update, instead of a learner finding a dead reference.
"""

import re
import subprocess
import sys

import pytest
from harness.reading import guide_names
from harness.reading import location
from harness.reading import resolve
from harness.stages import COMPARE
from harness.stages import ROOT
from harness.stages import stage_dirs

READMES = [folder / "README.md" for folder in [*stage_dirs(), COMPARE]]


@pytest.mark.parametrize("readme", READMES, ids=[path.parent.name for path in READMES])
def test_every_stage_has_a_reading_guide_whose_names_resolve(readme):
    names = guide_names(readme.read_text(encoding="utf-8"))
    assert len(names) >= 4, f"{readme}: the reading guide should name four to seven functions"
    for name in names:
        try:
            found = resolve(name)
        except (ImportError, AttributeError) as error:
            pytest.fail(f"{readme}: `{name}` is not in the installed packages ({error})")
        assert location(name).split(":")[0].endswith(".py"), name
        assert found is not None


def test_a_name_that_moved_is_caught():
    with pytest.raises(AttributeError):
        resolve("werkzeug.routing.map.MapAdapter.no_such_method")
    with pytest.raises(ImportError):
        resolve("no_such_package.module.function")


def test_the_section_is_read_from_the_table_only():
    text = (
        "## Read the real thing\n\n`not.this`\n\n| `a.b` | why? |\n|---|---|\n\n"
        "## Next\n| `c.d` | |"
    )
    assert guide_names(text) == ["a.b"]


def test_make_read_prints_where_each_function_is():
    result = subprocess.run(
        [sys.executable, "tests/harness/reading.py", "03"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "werkzeug.routing.map.MapAdapter.match\n    " in result.stdout
    assert "werkzeug/routing/map.py:" in result.stdout


def test_the_instructors_answers_name_code_that_exists():
    # workshop/answers.md answers the Discuss questions; each answer names the code it
    # is about, which must resolve like the guides' names do.
    text = (ROOT / "workshop" / "answers.md").read_text(encoding="utf-8")
    packages = ("flask.", "werkzeug.", "jinja2.", "wsgiref.", "socketserver.")
    names = sorted(set(re.findall(r"`([a-z_][\w.]+)`", text)))
    names = [name for name in names if name.startswith(packages)]
    assert len(names) >= 10, names
    for name in names:
        try:
            resolve(name)
        except (ImportError, AttributeError) as error:
            pytest.fail(f"workshop/answers.md: `{name}` is not in the installed packages ({error})")
        assert location(name).split(":")[0].endswith(".py"), name
