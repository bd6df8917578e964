"""compare/README.md stays true: its table is counted here, its excerpts are in their files.

The table says what each version needed you to write for the same features (files,
and lines of code); each ```python excerpt names its file on its first line.
"""

import ast
import re
import textwrap

import pytest
from harness.stages import ROOT

README = ROOT / "compare" / "README.md"
# What each row of the README's table counts: the files written for those features.
ROWS = {
    "Flask, hello (04_flask_basic)": ["04_flask_basic/app.py", "04_flask_basic/templates/*.html"],
    "Django, hello": [
        "compare/with_django/app.py",
        "compare/with_django/hello_site/*.py",
        "compare/with_django/hello_site/templates/*.html",
    ],
    "FastAPI, hello": [
        "compare/with_fastapi/app.py",
        "compare/with_fastapi/fastapi_site/*.py",
        "compare/with_fastapi/fastapi_site/templates/*.html",
    ],
    "Django REST framework, API slice": ["compare/with_django/tasks_api/*.py"],
    "FastAPI, API slice": ["compare/with_fastapi/tasks_slice/*.py"],
}


def docstring_lines(tree):
    """The line numbers that docstrings take up."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            value = getattr(first, "value", None)
            if isinstance(first, ast.Expr) and isinstance(getattr(value, "value", None), str):
                lines.update(range(first.lineno, first.end_lineno + 1))
    return lines


def code_lines(path):
    """Lines of code: not blank, not a comment, not a docstring (or a template comment)."""
    text = path.read_text(encoding="utf-8")
    skip = docstring_lines(ast.parse(text)) if path.suffix == ".py" else set()
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or number in skip or stripped.startswith(("#", "{#")):
            continue
        count += 1
    return count


def counted(patterns):
    """(files, lines of code) of the files matching `patterns` (globs from the root)."""
    paths = [path for pattern in patterns for path in sorted(ROOT.glob(pattern))]
    paths = [path for path in paths if path.name != "__init__.py" or path.stat().st_size > 0]
    return len(paths), sum(code_lines(path) for path in paths)


def table_rows():
    """{row name: (files, lines)} as the README's table says."""
    text = README.read_text(encoding="utf-8")
    found = re.findall(r"^\| ([^|]+?) \| (\d+) \| (\d+) \|", text, flags=re.M)
    return {name: (int(files), int(lines)) for name, files, lines in found}


@pytest.mark.parametrize("row", ROWS)
def test_the_table_counts_what_each_version_needed(row):
    assert table_rows().get(row) == counted(ROWS[row]), f"update the README's row {row!r}"


def test_a_changed_file_changes_the_count(tmp_path):
    module = tmp_path / "x.py"
    module.write_text('"""Doc."""\n\n# why\nA = 1\n\n\ndef f():\n    """Doc."""\n    return A\n')
    assert code_lines(module) == 3


def test_every_excerpt_is_in_the_file_it_names():
    text = README.read_text(encoding="utf-8")
    excerpts = re.findall(r"^```python\n# (\S+)\n(.*?)^```", text, flags=re.M | re.S)
    assert len(excerpts) >= 3, "the README shows the same endpoint in three frameworks"
    for name, code in excerpts:
        source = (ROOT / name).read_text(encoding="utf-8")
        assert textwrap.dedent(code) in source or code in source, f"{name} no longer holds:\n{code}"
