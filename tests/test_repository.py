"""The repository's own conventions, checked so they cannot quietly erode."""

import re
import subprocess
import sys
import tomllib

import pytest
from harness.source import imported_modules
from harness.source import python_files
from harness.source import undocumented
from harness.stages import COMPARE
from harness.stages import ROOT
from harness.stages import stage_dirs

# What each stage may import beyond the standard library and its own modules. Stages 01
# and 02 teach WSGI itself, so they and their tests use the standard library only.
STDLIB_ONLY = {
    "01_raw_wsgi": (set(), ["01_raw_wsgi", "tests/01_raw_wsgi"]),
    "02_middleware": (set(), ["02_middleware", "tests/02_middleware"]),
    "03_werkzeug": ({"werkzeug"}, ["03_werkzeug", "tests/03_werkzeug"]),
    "04_flask_basic": ({"flask"}, ["04_flask_basic", "tests/04_flask_basic"]),
    "05_contexts": ({"flask", "werkzeug"}, ["05_contexts", "tests/05_contexts"]),
    "06_factory": ({"flask", "werkzeug", "click"}, ["06_factory", "tests/06_factory"]),
    # The contract suite must run for a learner who has installed nothing but pytest;
    # `tools` is the repository's own, standard library only, as checked next.
    "contract": ({"pytest", "harness", "tools"}, ["tests/contract", "tests/harness"]),
    "tools": ({"tools"}, ["tools"]),
}
STAGE_TESTS_MAY_USE = {"pytest", "harness"}

# Every stage README has these sections (the first stage has no "What's new since").
README_SECTIONS = ["Run it", "Transcript", "Test it", "Exercises", "How Flask"]


def stage_ids():
    """The names of the stage folders present, for parametrize ids."""
    return [path.name for path in stage_dirs()]


@pytest.mark.parametrize("name", [n for n in STDLIB_ONLY if (ROOT / STDLIB_ONLY[n][1][0]).exists()])
def test_stages_import_only_what_they_teach(name):
    allowed, folders = STDLIB_ONLY[name]
    allowed = allowed | (STAGE_TESTS_MAY_USE if name != "contract" else set())
    # The stage's own modules (02_middleware's `hello`, `wsgi_middleware`) are not outside.
    own = {p.stem for p in (ROOT / folders[0]).iterdir() if p.suffix == ".py" or p.is_dir()}
    for folder in folders:
        for path in python_files(ROOT / folder):
            outside = imported_modules(path) - set(sys.stdlib_module_names) - allowed - own
            assert not outside, f"{path.relative_to(ROOT)} imports {sorted(outside)}"


@pytest.mark.parametrize(
    "stage",
    [*stage_dirs(), COMPARE, ROOT / "capstone"],
    ids=[*stage_ids(), "compare", "capstone"],
)
def test_every_stage_module_and_public_function_has_a_docstring(stage):
    for path in python_files(stage):
        assert not undocumented(path), (
            f"{path.relative_to(ROOT)}: no docstring on {undocumented(path)}"
        )


def test_stage_modules_have_unique_names_so_they_share_one_process():
    # Each stage's folder goes on sys.path when its app.py is loaded; two sibling modules
    # called the same would shadow each other. app.py itself is loaded under a unique name.
    seen = {}
    for stage in stage_dirs():
        for path in stage.iterdir():
            if path.name == "app.py" or not (
                path.suffix == ".py" or (path / "__init__.py").exists()
            ):
                continue
            assert path.stem not in seen, (
                f"{path.stem} is in both {seen.get(path.stem)} and {stage.name}"
            )
            seen[path.stem] = stage.name


@pytest.mark.parametrize("stage", [*stage_dirs(), COMPARE], ids=[*stage_ids(), "compare"])
def test_every_stage_readme_has_the_expected_sections(stage):
    text = (stage / "README.md").read_text(encoding="utf-8")
    headings = re.findall(r"^#+ (.+)$", text, flags=re.MULTILINE)
    expected = [*README_SECTIONS, "Continue to"]
    if stage != stage_dirs()[0]:
        expected.append("What's new since")
    for section in expected:
        assert any(h.startswith(section) for h in headings), (
            f"{stage.name}/README.md lacks '{section}'"
        )


@pytest.mark.parametrize(
    "readme",
    [
        ROOT / "README.md",
        ROOT / "capstone" / "README.md",
        COMPARE / "README.md",
        *(s / "README.md" for s in stage_dirs()),
    ],
)
def test_relative_links_in_readmes_point_at_files_that_exist(readme):
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", readme.read_text(encoding="utf-8")):
        if "://" in target or target.startswith("mailto:"):
            continue
        assert (readme.parent / target).exists(), (
            f"{readme.relative_to(ROOT)} links to missing {target}"
        )


def test_the_license_file_is_the_license_pyproject_names():
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert declared["project"]["license"] == "MIT"
    assert text.startswith("MIT License\n") and "the wsgi-to-flask authors" in text


def test_the_project_speaks_of_itself_not_of_its_tracker():
    # "the targets of issue <number>" means nothing to a reader of a clone: say what they are.
    tracked = subprocess.run(
        ["git", "grep", "-n", "-i", "-E", r"\bissues? #?[0-9]+", "--", "*.py", "*.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert tracked.stdout == ""
