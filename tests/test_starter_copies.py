"""What a starter hands out unchanged is the reference's own code, so the two cannot drift.

A starter keeps every definition that is not the lesson (serve(), the configuration,
the helpers given) as it is in the reference stage, and leaves the rest as TODOs. Each
definition without a TODO is compared with the reference's by its syntax tree: a fix
made in one place and not the other fails here. Comments and formatting may differ;
code, docstrings and decorators may not.
"""

import ast
import copy

import pytest
from harness.stages import ROOT

from tools.stages import files

STARTERS = ROOT / "starters"
# Given on purpose in another shape than the reference's, each with its reason.
STAND_INS = {
    # A function that builds the chain per call, so the file imports before build() works.
    ("02_middleware", "app.py", "application"),
}
DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign)
SOURCES = [
    (starter.name, path)
    for starter in sorted(STARTERS.iterdir())
    for path in files(starter)
    if path.suffix == ".py"
]


def name_of(node):
    """The name a definition binds: 'serve', 'Config', 'URL_MAP'."""
    if isinstance(node, ast.Assign):
        return ast.unparse(node.targets[0])
    if isinstance(node, ast.AnnAssign):
        return ast.unparse(node.target)
    return node.name


def first_line(node):
    """The index of a definition's first line, decorators included."""
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))]) - 1


def has_todo(node, lines):
    """True when the definition holds a TODO, in it or in the comments around it.

    Around it: the comments right above it, and those indented under its last line (a
    class whose last statement is a TODO comment).
    """
    start = first_line(node)
    while start > 0 and lines[start - 1].lstrip().startswith("#"):
        start -= 1
    end = node.end_lineno
    while end < len(lines) and (not lines[end].strip() or indent(lines[end]) > node.col_offset):
        end += 1
    return any("TODO" in line for line in lines[start:end])


def indent(line):
    """How far `line` is indented."""
    return len(line) - len(line.lstrip())


def floating_todo(body, lines, previous=0):
    """The line from which a TODO comment standing alone (a blank line after it) applies.

    "each view below gets a route" covers every definition that follows it.
    """
    for node in body:
        block = lines[previous : first_line(node)]
        for number, line in enumerate(block):
            attached = not any(not rest.strip() for rest in block[number:])
            if line.lstrip().startswith("#") and "TODO" in line and not attached:
                return previous + number
        previous = node.end_lineno
    return len(lines)


def handed_out(body, lines, prefix=""):
    """The definitions of `body` without a TODO, by qualified name: (node, bare).

    A class with a TODO is opened. `bare`: under a TODO that stands alone ("each view
    below needs its route"), the decorators are the learner's, so only the rest counts.
    """
    found = {}
    after = floating_todo(body, lines, previous=body[0].lineno - 1 if prefix else 0)
    for node in body:
        if not isinstance(node, DEFINITIONS):
            continue
        name = prefix + name_of(node)
        if not has_todo(node, lines):
            found[name] = (node, first_line(node) > after)
        elif isinstance(node, ast.ClassDef):
            found.update(handed_out(node.body, lines, prefix=f"{name}."))
    return found


def dump(node, bare=False):
    """The syntax tree of `node` as text; without its decorators when `bare`."""
    if bare and getattr(node, "decorator_list", None):
        node = copy.copy(node)
        node.decorator_list = []
    return ast.dump(node)


def definitions(body, prefix=""):
    """Every definition of `body` by qualified name, classes opened too."""
    found = {}
    for node in body:
        if isinstance(node, DEFINITIONS):
            found[prefix + name_of(node)] = node
            if isinstance(node, ast.ClassDef):
                found.update(definitions(node.body, prefix=f"{prefix}{node.name}."))
    return found


@pytest.mark.parametrize(("stage", "path"), SOURCES, ids=[f"{s}/{p}" for s, p in SOURCES])
def test_what_a_starter_gives_is_the_references_code(stage, path):
    text = (STARTERS / stage / path).read_text(encoding="utf-8")
    reference = ROOT / stage / path
    assert reference.exists(), f"starters/{stage}/{path} has no reference file to follow"
    given = handed_out(ast.parse(text).body, text.splitlines())
    theirs = definitions(ast.parse(reference.read_text(encoding="utf-8")).body)
    missing = sorted(set(given) - set(theirs))
    assert not missing, f"given in the starter, absent from {stage}/{path}: {missing}"
    drifted = [
        name
        for name, (node, bare) in given.items()
        if dump(node, bare) != dump(theirs[name], bare)
        and (stage, str(path), name) not in STAND_INS
    ]
    assert drifted == [], f"starters/{stage}/{path} differs from {stage}/{path} in {drifted}"


def test_the_comparison_sees_a_drift(tmp_path):
    # The test above must be able to fail: a changed default in a given function.
    before = "def serve():\n    port = 8000\n"
    after = "def serve():\n    port = 8001\n"
    given = handed_out(ast.parse(after).body, after.splitlines())
    theirs = definitions(ast.parse(before).body)
    assert dump(given["serve"][0]) != dump(theirs["serve"])
    todo = "def serve():\n    # TODO: listen on PORT\n    raise NotImplementedError\n"
    assert handed_out(ast.parse(todo).body, todo.splitlines()) == {}
