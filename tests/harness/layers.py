"""Read a package's imports with `ast` and check them against a table of layers.

A layer table lists, top to bottom, the modules (or packages) of each layer. A module
may import its own layer and the layers below; a layer marked side by side holds
packages that never import each other (two blueprints); a layer may name the only
packages that may use it. Cycles and imports placed inside functions are reported too.
Every check returns a list of problems, each a sentence, so a test shows them all.
"""

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Layer:
    """One row of the table: its name, its modules, and who may import it."""

    name: str
    modules: tuple
    side_by_side: bool = False  # its packages do not import one another
    only_for: tuple = ()  # if set, the only modules above that may import it


@dataclass(frozen=True)
class Import:
    """One import statement's target, where it is, and the function it sits in (or None)."""

    source: str
    target: str
    line: int
    function: str | None
    bottom: bool  # after every statement that is not an import


def module_name(path, root):
    """'capstone.api.tasks' for capstone/api/tasks.py under `root`'s parent."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def read_imports(root):
    """{module: [Import, ...]} for every .py file of the package folder `root`."""
    root = Path(root)
    paths = {
        module_name(p, root): p for p in sorted(root.rglob("*.py")) if "__pycache__" not in p.parts
    }
    return {name: imports_of(name, path, set(paths)) for name, path in paths.items()}


def imports_of(name, path, modules):
    """The imports of one module of the package, resolved to the package's module names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = root_package(name)
    last_other = max(
        (n.lineno for n in tree.body if not isinstance(n, ast.Import | ast.ImportFrom)), default=0
    )
    found = []
    for statement, function in statements(tree):
        for target in targets(statement, modules):
            if target.split(".")[0] == package:
                bottom = function is None and statement.lineno > last_other
                found.append(Import(name, target, statement.lineno, function, bottom))
    return found


def root_package(name):
    """The top-level package of a module name."""
    return name.split(".")[0]


def statements(tree):
    """Every import statement of `tree`, with the name of the function or class it is in."""
    scopes = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef
    todo = [(node, None) for node in tree.body]
    while todo:
        node, scope = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node, scope
        inner = node.name if isinstance(node, scopes) else scope
        todo.extend((child, inner) for child in ast.iter_child_nodes(node))


def targets(statement, modules):
    """The module names an import statement loads: `from a import b` is a.b if that is a module."""
    if isinstance(statement, ast.Import):
        return [alias.name for alias in statement.names]
    if statement.level:
        return []  # the capstone has no relative imports; a layer test would not see them
    named = [f"{statement.module}.{alias.name}" for alias in statement.names]
    return sorted({name if name in modules else statement.module for name in named})


def layer_of(module, layers):
    """The index of the layer holding `module` (its longest listed prefix), or None."""
    best = None
    for index, layer in enumerate(layers):
        for listed in layer.modules:
            inside = module == listed or ("." in listed and module.startswith(listed + "."))
            if inside and (best is None or len(listed) > len(best[1])):
                best = (index, listed)
    return best


def unplaced(graph, layers):
    """Modules the table does not place."""
    return [f"{m} is in no layer: add it to the table" for m in graph if not layer_of(m, layers)]


def against_the_layers(graph, layers):
    """Imports of a higher layer, of a side-by-side neighbour, or of a layer not meant for it."""
    problems = []
    for imports in graph.values():
        for found in imports:
            source, target = layer_of(found.source, layers), layer_of(found.target, layers)
            if source is None or target is None or source[1] == target[1]:
                continue
            where = f"{found.source} (line {found.line}) imports {found.target}"
            layer = layers[target[0]]
            if target[0] < source[0]:
                problems.append(f"{where}: {layer.name} is above {layers[source[0]].name}")
            elif target[0] == source[0] and layer.side_by_side:
                problems.append(f"{where}: {layer.name} do not import one another")
            elif layer.only_for and target[0] > source[0] and source[1] not in layer.only_for:
                problems.append(f"{where}: {layer.name} is only for {', '.join(layer.only_for)}")
    return problems


def edges(graph):
    """{module: targets} for the cycle check, without a package's registration of its views.

    A blueprint package imports its view modules at its bottom, after `bp` exists, and
    the views import `bp` back: Flask's documented pattern, which works because by then
    the package has everything the views need. Any other cycle counts.
    """
    return {
        module: sorted(
            {i.target for i in imports if not (i.bottom and i.target.startswith(module + "."))}
        )
        for module, imports in graph.items()
    }


def cycles(graph):
    """Each import cycle found, as 'a -> b -> a' (depth first, one per strongly tied group)."""
    targets_of, state, path, found = edges(graph), {}, [], []

    def visit(module):
        state[module] = "open"
        path.append(module)
        for target in targets_of.get(module, []):
            if state.get(target) == "open":
                found.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[module] = "done"

    for module in targets_of:
        if module not in state:
            visit(module)
    return found


def in_functions(graph, allowed=()):
    """Imports placed inside a function or class, except in the (module, function) `allowed`."""
    return [
        f"{i.source} (line {i.line}) imports {i.target} inside {i.function}()"
        for imports in graph.values()
        for i in imports
        if i.function is not None and (i.source, i.function) not in allowed
    ]
