"""The "Read the real thing" guides: find each named function in the installed packages.

Each stage README has a section "## Read the real thing" with a table whose first
column names a function or class by module and qualified name, in backticks
(`werkzeug.routing.map.MapAdapter.match`). `resolve()` imports the longest module
prefix and follows the attributes; tests/docs/test_reading_guides.py resolves every
name, so a guide fails the suite the day a dependency moves a function it names.

Run as a script (`make read STAGE=03`), it prints where each one is on this machine:
the file and the line to open.
"""

import functools
import importlib
import inspect
import re
import sys
from pathlib import Path

HEADING = "## Read the real thing"
NAME_CELL = re.compile(r"^\|\s*`([\w.]+)`\s*\|")


def guide_names(readme_text):
    """The dotted names of the README's reading guide, in order; [] if it has none."""
    if HEADING not in readme_text:
        return []
    section = readme_text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    return [found.group(1) for line in section.splitlines() if (found := NAME_CELL.match(line))]


def resolve(name):
    """The object `name` names: the longest importable module, then its attributes."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attribute in parts[split:]:
            found = getattr(found, attribute)  # AttributeError: the guide is out of date
        return found
    raise ImportError(f"no module in {name!r} can be imported")


def location(name):
    """'path/to/file.py:line' of the source of `name` (a property: of its getter)."""
    found = resolve(name)
    if isinstance(found, property):  # werkzeug's cached_property is one too
        found = found.fget
    elif isinstance(found, functools.cached_property):
        found = found.func
    if inspect.isclass(found):
        # Not inspect.getsourcelines: it unwraps, and a class such as LocalProxy answers
        # every attribute, __wrapped__ included.
        path = inspect.getsourcefile(sys.modules[found.__module__])
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        start = next(n for n, line in enumerate(lines, 1) if f"class {found.__name__}" in line)
        return f"{path}:{start}"
    lines, start = inspect.getsourcelines(found)
    return f"{inspect.getsourcefile(found)}:{max(start, 1)}"


def main(stage):
    """Print each name of a stage's guide with the place to read it."""
    root = Path(__file__).resolve().parents[2]
    folders = sorted(root.glob(f"{stage}_*/README.md"))
    if stage.isidentifier() and (root / stage / "README.md").is_file():
        folders = [root / stage / "README.md"]  # a folder by name: make read STAGE=compare
    if not folders:
        print(f"There is no stage {stage}; say for example: make read STAGE=03")
        return 1
    for name in guide_names(folders[0].read_text(encoding="utf-8")):
        print(f"{name}\n    {location(name)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
