"""The side-by-side table in 03_werkzeug/README.md: its line counts are recomputed here."""

import re

import pytest
from harness.source import definition_lines
from harness.stages import ROOT
from harness.stages import folder_for
from harness.stages import stage_dir

README = ROOT / "03_werkzeug" / "README.md"
# About the reference stages' README: skipped when the tests check a learner's folder.
pytestmark = pytest.mark.skipif(
    folder_for("03") != stage_dir("03"), reason="checks the README of the reference stage"
)
HEADER = "| job | stage 01 code | lines | stage 03 code | lines |"


def table_rows():
    """The rows of the side-by-side table, as lists of cells."""
    lines = README.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(HEADER))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def counted(cell, path):
    """The total line count of the definitions named in backticks in a cell."""
    return sum(definition_lines(path, name) for name in re.findall(r"`([^`]+)`", cell))


@pytest.mark.parametrize("row", table_rows(), ids=[row[0] for row in table_rows()])
def test_the_line_counts_in_the_table_match_the_code(row):
    job, code01, lines01, code03, lines03, _ = row
    assert counted(code01, ROOT / "01_raw_wsgi" / "app.py") == int(lines01), f"{job}: stage 01"
    assert counted(code03, ROOT / "03_werkzeug" / "app.py") == int(lines03), f"{job}: stage 03"


def test_the_table_covers_every_definition_of_stage_01():
    import ast

    tree = ast.parse((ROOT / "01_raw_wsgi" / "app.py").read_text(encoding="utf-8"))
    named = {n for row in table_rows() for n in re.findall(r"`([^`]+)`", row[1])}
    defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)}
    views = {"index", "hello", "greet", "submit"}  # the views exist in both stages alike
    assert defined - named - views == set()
