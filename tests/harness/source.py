"""Read the project's Python source with `ast`: what a file imports and what it documents."""

import ast
from pathlib import Path


def python_files(folder):
    """Every .py file under `folder`, skipping caches."""
    return sorted(p for p in Path(folder).rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path):
    """The top-level names of the absolute imports in a file ('urllib' for urllib.parse)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def undocumented(path):
    """Names of the module (as '<module>') and public functions or classes without a docstring."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    missing = [] if ast.get_docstring(tree) else ["<module>"]
    definitions = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    # Module-level definitions and the methods of module-level classes: the public
    # surface. Functions nested inside a function are its private details.
    nodes = [node for node in tree.body if isinstance(node, definitions)]
    for cls in [node for node in nodes if isinstance(node, ast.ClassDef)]:
        nodes += [node for node in cls.body if isinstance(node, definitions)]
    for node in nodes:
        public = not node.name.startswith("_") or node.name == "__call__"
        if public and not ast.get_docstring(node):
            missing.append(node.name)
    return missing


def definition_lines(path, name):
    """How many lines the module-level definition `name` spans ('Class.method' for a method).

    Functions, classes and assignments count from their first line (decorators
    included) to their last, docstrings and comments inside them included.
    """
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    owner, _, member = name.rpartition(".")
    scope = tree.body
    if owner:
        [cls] = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == owner]
        scope = cls.body
    for node in scope:
        names = [getattr(node, "name", None)]
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        if member in names:
            first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            return node.end_lineno - first + 1
    raise LookupError(f"{path} has no definition {name!r}")
