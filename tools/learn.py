"""Build each stage yourself: `make start`, `check`, `reset`, `solution` and `diff`.

    make start STAGE=01       copy the starter of stage 01 into workspace/01_raw_wsgi/
    make check STAGE=01       run its checks against your copy, with a hint per failure
    make reset STAGE=01       start over (your files are kept in workspace/.backup/)
    make solution STAGE=01    what differs between your files and the reference stage
    make diff FROM=01 TO=02   what one stage adds to the one before, annotated

workspace/ is yours: git ignores it, and no command deletes anything in it.
"""

import argparse
import difflib
import shutil
import sys
from datetime import datetime

from tools.check import check
from tools.stages import CAPSTONE
from tools.stages import STARTERS
from tools.stages import WORKSPACE
from tools.stages import NoSuchStage
from tools.stages import files
from tools.stages import find
from tools.stages import short_name

# In a starter: the files to copy from the reference stage unchanged (given code).
GIVEN = "GIVEN"
# The capstone's exercises, beside their checks.
EXERCISES = "tests/exercises/capstone/README.md"


def starter_of(stage):
    """The starter folder of a stage; NoSuchStage when it has none yet."""
    if stage == CAPSTONE:
        return CAPSTONE
    starter = STARTERS / stage.name
    if not starter.exists():
        made = ", ".join(path.name[:2] for path in sorted(STARTERS.iterdir())) or "none"
        raise NoSuchStage(
            f"Stage {stage.name} has no starter yet (stages with one: {made}). You can "
            f"still build it from its README: copy {stage.name}/app.py's docstrings, then "
            f"check it with: .venv/bin/pytest tests/contract --app your/app.py"
        )
    return starter


def copy_starter(stage, starter, folder):
    """Copy `starter` into `folder`, then the files its GIVEN list takes from the reference."""
    shutil.copytree(starter, folder, ignore=shutil.ignore_patterns("__pycache__", GIVEN))
    given = starter / GIVEN
    lines = given.read_text(encoding="utf-8").splitlines() if given.exists() else []
    for name in (line.strip() for line in lines):
        if name and not name.startswith("#"):
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(stage / name, folder / name)


def start(stage):
    """Copy the stage's starter into the workspace, unless it is already there."""
    starter, folder = starter_of(stage), WORKSPACE / stage.name
    if folder.exists():
        print(f"workspace/{stage.name}/ is already there: keep going, or start over with")
        print(f"make reset STAGE={short_name(stage)} (your files are kept in workspace/.backup/).")
        return 1
    copy_starter(stage, starter, folder)
    if stage == CAPSTONE:
        print("Created workspace/capstone/, a copy of the capstone to extend. Next:")
        print(f"  1. read {EXERCISES}: each exercise names the files to read first;")
        print("  2. change workspace/capstone/, never capstone/ (the reference);")
        print("  3. make check STAGE=capstone   (each failing check comes with a hint)")
        return 0
    print(f"Created workspace/{stage.name}/ from its starter. Next:")
    print(f"  1. read {stage.name}/README.md, then open workspace/{stage.name}/app.py;")
    print("  2. fill in the TODOs from the top, one function at a time;")
    print(f"  3. make check STAGE={short_name(stage)}   (each failing check comes with a hint)")
    return 0


def reset(stage):
    """Put the starter back; the learner's files move to workspace/.backup/, never deleted."""
    starter, folder = starter_of(stage), WORKSPACE / stage.name
    if folder.exists():
        backup = WORKSPACE / ".backup" / f"{stage.name}-{datetime.now():%Y%m%d-%H%M%S}"
        backup.parent.mkdir(parents=True, exist_ok=True)
        folder.rename(backup)
        print(f"Your files are in {backup.relative_to(WORKSPACE.parent)}/.")
    copy_starter(stage, starter, folder)
    print(f"workspace/{stage.name}/ is the starter again.")
    return 0


def unified(old_path, new_path, old_label, new_label):
    """The unified diff of two text files, as lines; [] when they are the same."""
    old = old_path.read_text(encoding="utf-8").splitlines(keepends=True) if old_path else []
    new = new_path.read_text(encoding="utf-8").splitlines(keepends=True) if new_path else []
    return list(difflib.unified_diff(old, new, old_label, new_label))


def solution(stage):
    """Show, file by file, how the learner's files differ from the reference stage."""
    folder = WORKSPACE / stage.name
    if not folder.exists():
        print(f"You have not started {stage.name}: make start STAGE={short_name(stage)}")
        return 1
    print(f"--- lines starting with - are yours, + the reference's ({stage.name}/)\n")
    for name in files(folder):
        reference = stage / name
        if not reference.exists():
            print(f"workspace/{stage.name}/{name}: yours only\n")
            continue
        lines = unified(folder / name, reference, f"yours/{name}", f"{stage.name}/{name}")
        sys.stdout.writelines(lines or [f"{name}: the same as the reference\n"])
        print()
    return 0


def whats_new(stage):
    """The "What's new since ..." section of a stage's README, or ''."""
    text = (stage / "README.md").read_text(encoding="utf-8")
    start_at = text.find("## What's new since")
    if start_at < 0:
        return ""
    section = text[start_at:].split("\n## ", 1)[0]
    # Its pointer to this very command is no news here.
    return "\n".join(line for line in section.splitlines() if "make diff" not in line).strip()


def diff(first, second):
    """What `second` adds to `first`: its README's account, then each file's changes."""
    if first.name >= second.name:
        print("FROM must be the earlier stage: make diff FROM=01 TO=02")
        return 1
    print(f"# From {first.name} to {second.name}\n")
    print((whats_new(second) or '(no "What\'s new" section)') + "\n")
    old = {name for name in files(first) if name.name != "README.md"}
    new = {name for name in files(second) if name.name != "README.md"}
    for title, names in (("Added", new - old), ("Gone", old - new)):
        if names:
            print(f"{title}: " + ", ".join(str(name) for name in sorted(names)))
    print()
    for name in sorted(old & new):
        before, after = first / name, second / name
        sys.stdout.writelines(
            unified(before, after, f"{first.name}/{name}", f"{second.name}/{name}")
        )
    return 0


def main(argv=None):
    """Parse `learn COMMAND STAGE [STAGE]` and run it; messages instead of tracebacks."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.learn", description=__doc__.split("\n")[0]
    )
    parser.add_argument("command", choices=["start", "check", "reset", "solution", "diff"])
    parser.add_argument("stages", nargs="+", metavar="STAGE")
    arguments = parser.parse_args(argv)
    # The command to name in a message: the one the learner typed, with its make variables.
    usage = f"make {arguments.command} " + (
        "FROM=01 TO=02" if arguments.command == "diff" else "STAGE=01"
    )
    if not all(name.strip() for name in arguments.stages):
        print(f"Say which stage: {usage}")
        return 2
    try:
        stages = [find(name) for name in arguments.stages]
    except NoSuchStage as problem:
        print(f"{problem}: {usage}")
        return 2
    try:
        if arguments.command == "diff":
            if len(stages) != 2:
                print("Say two stages: make diff FROM=01 TO=02")
                return 2
            return diff(*stages)
        action = {"start": start, "check": check, "reset": reset, "solution": solution}
        return action[arguments.command](stages[0])
    except NoSuchStage as problem:
        print(problem)
        return 2


if __name__ == "__main__":
    sys.exit(main())
