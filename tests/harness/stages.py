"""Find the stage folders and load their modules by file path.

Stage folders start with digits (``01_raw_wsgi``), so they cannot be imported by
name. Each module is loaded from its path under a unique name instead, which lets
every stage's ``app.py`` live in one pytest process without colliding.
"""

import importlib.util
import re
import sys
from pathlib import Path

from tools.stages import ROOT
from tools.stages import reference_stages

# The same app in other frameworks: run and tested like a stage, but not one of the
# numbered steps (make start and make check leave it out).
COMPARE = ROOT / "compare"


def stage_dirs():
    """Return the stage folders present, in order: those named like '01_raw_wsgi' with an app.py."""
    return reference_stages()  # one definition, shared with make start and make check


def stage_dir(stage):
    """Return the folder of a stage given as '01' or '01_raw_wsgi'."""
    for path in stage_dirs():
        if stage in (path.name, path.name[:2]):
            return path
    raise LookupError(f"no stage {stage!r}; present: {[p.name for p in stage_dirs()]}")


def load_module(path, name=None):
    """Import the Python file at `path` once, under a name derived from its folder and file name.

    The file's folder goes on sys.path, so the module can import its own siblings. It
    goes at the end, not the front as for `python path/to/app.py`: a stage file named
    like a standard module (05_contexts/trace.py) must not shadow it for the rest of
    the test run.
    """
    path = Path(path).resolve()
    name = name or "stage_" + re.sub(r"\W", "_", f"{path.parent.name}_{path.stem}")
    if name in sys.modules:
        return sys.modules[name]
    if not path.is_file():
        raise FileNotFoundError(f"there is no file {path}")
    if str(path.parent) not in sys.path:
        sys.path.append(str(path.parent))
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def load_fresh(path):
    """Import the file at `path` again, as a new module: a new app object that no test has used."""
    load_fresh.count = getattr(load_fresh, "count", 0) + 1
    return load_module(path, name=f"fresh_{Path(path).stem}_{load_fresh.count}")


# Stage number -> the folder its tests check instead of the reference: a learner's
# workspace, given with --stage-dir (tests/conftest.py fills this before collection,
# so conftest files that import a stage's modules at import time get the right ones).
CHOSEN = {}


def choose(folder):
    """Check `folder` (named like its stage, 'workspace/02_middleware') instead of the reference."""
    folder = Path(folder).resolve()
    CHOSEN[folder.name[:2]] = folder


def folder_for(stage):
    """The folder a stage's tests check: the chosen one (a learner's) if any, else the reference."""
    reference = stage_dir(stage)
    return CHOSEN.get(reference.name[:2], reference)


def load_stage(stage):
    """Return the `app` module of a stage given as '01' or '01_raw_wsgi' (see folder_for)."""
    return load_module(folder_for(stage) / "app.py")


def load_target(target):
    """Load a WSGI callable named 'path/to/file.py:callable' (the default name: 'application')."""
    file_name, _, attribute = target.partition(":")
    path = Path(file_name)
    if not path.is_absolute():
        path = Path.cwd() / path
    module = load_module(path)
    attribute = attribute or "application"
    try:
        app = getattr(module, attribute)
    except AttributeError:
        raise LookupError(f"{file_name} defines no {attribute!r}") from None
    if not callable(app):
        raise TypeError(f"{file_name}:{attribute} is not callable, so it cannot be a WSGI app")
    return app


def add_stage_to_path(stage):
    """Put a stage's folder on sys.path, so tests can import its sibling modules by name."""
    folder = str(folder_for(stage))
    if folder not in sys.path:
        sys.path.append(folder)
