"""Where things are: the reference stages, their starters, and the learner's workspace."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STARTERS = ROOT / "starters"
# The finished application: its exercises extend it, so its copy is its own starter.
CAPSTONE = ROOT / "capstone"
WORKSPACE = ROOT / "workspace"
STAGE_NAME = re.compile(r"\d\d_[a-z0-9_]+")
# What a learner's folder never needs compared or copied: caches, and the instance
# folder where stage 06 keeps its database (per-machine data, ignored by git too).
IGNORED = {"__pycache__", ".pytest_cache", "instance"}


class NoSuchStage(Exception):
    """The stage asked for does not exist; the message lists those that do."""


def reference_stages():
    """The reference stage folders (01_raw_wsgi, ...), in order."""
    return sorted(
        path
        for path in ROOT.iterdir()
        if path.is_dir() and STAGE_NAME.fullmatch(path.name) and (path / "app.py").exists()
    )


def find(stage):
    """The reference folder of a stage given as '01', '1' or '01_raw_wsgi', or 'capstone'."""
    wanted = stage.strip().zfill(2) if stage.strip().isdigit() else stage.strip()
    if wanted == CAPSTONE.name:
        return CAPSTONE
    for path in reference_stages():
        if wanted in (path.name, path.name[:2]):
            return path
    names = ", ".join([*(path.name[:2] for path in reference_stages()), CAPSTONE.name])
    raise NoSuchStage(f"There is no stage {stage!r}. Say one of {names}")


def files(folder):
    """The files under `folder`, as paths relative to it, caches left out."""
    return sorted(
        path.relative_to(folder)
        for path in folder.rglob("*")
        if path.is_file() and not IGNORED & set(path.relative_to(folder).parts)
    )


def short_name(stage):
    """What a learner types for a stage in STAGE=: '01' for 01_raw_wsgi, 'capstone'."""
    return stage.name if stage == CAPSTONE else stage.name[:2]
