"""`make doctor`: check this machine is ready for the course, and say how to fix what is not.

Standard library only, and run by the system's Python: it must work when the virtual
environment is missing or broken, since that is one of the things it looks for. Each
check prints `ok`, `fix` (with the command to run) or `note` (optional things).
The exit status is 1 when something needs fixing.
"""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
MINIMUM = (3, 11)
PORT = int(os.environ.get("PORT") or 8000)
# Asked of the virtual environment's Python: the capstone's database against its migrations.
MIGRATION_STATE = """
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from capstone import create_app
from capstone.database import db
from capstone.migrate import alembic_config
import os
app = create_app()
with app.app_context():
    url = db.engine.url
    current = None
    # Connecting to a SQLite file creates it: look before, a check must change nothing.
    if url.get_backend_name() != "sqlite" or os.path.exists(url.database or ""):
        with db.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
head = ScriptDirectory.from_config(alembic_config()).get_current_head()
print(current or "none")
print(head)
"""


def python_version():
    """The interpreter that runs make: 3.11 or newer."""
    found = sys.version_info[:2]
    if found >= MINIMUM:
        return "ok", f"Python {found[0]}.{found[1]}"
    return "fix", (
        f"Python {found[0]}.{found[1]} is too old; install 3.11 or newer, "
        "then run: make PYTHON=python3.12 doctor"
    )


def repository_root():
    """Commands run from the repository's root, where the Makefile is."""
    if Path.cwd().resolve() == ROOT:
        return "ok", f"running from {ROOT}"
    return "fix", f"run the commands from the repository's root: cd {ROOT}"


def venv_python_version():
    """The (major, minor) version of .venv's Python; None when it does not even start."""
    try:
        result = subprocess.run(
            [VENV_PYTHON, "-c", "import sys; print(*sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
    except OSError:
        return None
    words = result.stdout.split()
    return (int(words[0]), int(words[1])) if result.returncode == 0 and len(words) == 2 else None


def virtual_environment():
    """.venv exists, was made by a recent enough Python and has the project installed."""
    if not VENV_PYTHON.exists():
        return "fix", "no virtual environment yet: run make run (or make test) to create .venv"
    found = venv_python_version()
    if found is None:
        return "fix", ".venv's Python does not start: run make clean, then make run"
    if found < MINIMUM:
        return "fix", (
            f".venv was made by Python {found[0]}.{found[1]}, which is too old: run make clean, "
            "then make PYTHON=python3.12 run (any Python 3.11 or newer)"
        )
    # What make run installs; make test adds pytest and the other tools.
    result = subprocess.run(
        [VENV_PYTHON, "-c", "import flask, werkzeug, sqlalchemy, capstone"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        missing = result.stderr.strip().splitlines()[-1]
        return "fix", f".venv is incomplete ({missing}): run make clean, then make run"
    return "ok", f".venv (Python {found[0]}.{found[1]}) has the project and its dependencies"


def free_port():
    """The port make run and the stages use (PORT, or 8000) is free."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", PORT))
        except OSError:
            return "fix", (
                f"port {PORT} is taken (another server still running?): stop it with Ctrl-C "
                f"in its terminal, or use another port: PORT={PORT + 1} make run"
            )
    return "ok", f"port {PORT} is free"


def capstone_database():
    """The capstone's database exists and is migrated to the latest revision."""
    if not VENV_PYTHON.exists():
        return "note", "the capstone's database is checked once .venv exists"
    result = subprocess.run(
        [VENV_PYTHON, "-c", MIGRATION_STATE], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode:
        error = (result.stderr.strip().splitlines() or ["no output"])[-1]
        return "fix", f"the capstone's database cannot be read ({error}): run make run"
    current, head = result.stdout.split()[-2:]
    if current == head:
        return "ok", f"the capstone's database is migrated ({head})"
    if current == "none":
        return "fix", "the capstone has no database yet: make run creates it and migrates it"
    return "fix", (
        f"the capstone's database is at {current}, the code at {head}: "
        ".venv/bin/flask --app capstone init-db migrates it (make run does too)"
    )


def optional_programs():
    """What only some commands need: Chromium (browser tests), wrk (make bench)."""
    wanted = {"chromium": "the browser tests", "wrk": "make bench", "curl": "README transcripts"}
    missing = [f"{name} ({use})" for name, use in wanted.items() if not shutil.which(name)]
    if missing:
        return "note", "not installed, those tests skip: " + ", ".join(missing)
    return "ok", "chromium, wrk and curl are installed"


CHECKS = [
    python_version,
    repository_root,
    virtual_environment,
    free_port,
    capstone_database,
    optional_programs,
]


def main():
    """Run every check, print one line each; 1 if anything needs fixing."""
    results = [check() for check in CHECKS]
    for status, message in results:
        print(f"  {status:4}  {message}")
    broken = sum(status == "fix" for status, _ in results)
    print("\nAll set." if not broken else f"\n{broken} thing(s) to fix, see the lines marked fix.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
