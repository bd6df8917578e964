"""`make doctor`: each check finds its problem and names the fix."""

import os
import socket
import sqlite3
import subprocess
import sys

import pytest
from harness.stages import ROOT
from harness.stages import load_module

from capstone import create_app
from capstone import migrate
from capstone.database import db

doctor = load_module(ROOT / "tools" / "doctor.py")


def test_on_a_ready_machine_the_basics_are_ok():
    assert doctor.python_version()[0] == "ok"
    assert doctor.virtual_environment()[0] == "ok"


def test_an_old_python_is_named_with_the_way_out(monkeypatch):
    monkeypatch.setattr(doctor.sys, "version_info", (3, 9, 18))
    status, message = doctor.python_version()
    assert status == "fix" and "3.9 is too old" in message and "make PYTHON=" in message


def test_running_from_elsewhere_says_where_to_go(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    assert doctor.repository_root() == (
        "fix",
        f"run the commands from the repository's root: cd {ROOT}",
    )


def test_a_missing_virtual_environment_says_how_to_create_it(monkeypatch, tmp_path):
    monkeypatch.setattr(doctor, "VENV_PYTHON", tmp_path / "nothing")
    assert doctor.virtual_environment()[0] == "fix"
    assert "make run" in doctor.virtual_environment()[1]


def test_a_virtual_environment_of_an_old_python_names_its_version(monkeypatch, tmp_path):
    # A stand-in for .venv/bin/python made by Python 3.9, which has no flask either.
    old = tmp_path / "python"
    old.write_text(
        '#!/bin/sh\ncase "$2" in *version_info*) echo 3 9;; *) exit 1;; esac\n',
        encoding="utf-8",
    )
    old.chmod(0o755)
    monkeypatch.setattr(doctor, "VENV_PYTHON", old)
    status, message = doctor.virtual_environment()
    assert status == "fix"
    assert ".venv was made by Python 3.9, which is too old" in message
    assert "make clean, then make PYTHON=python3.12 run" in message


def test_a_taken_port_is_named_with_another_to_use(monkeypatch):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setattr(doctor, "PORT", port)
        status, message = doctor.free_port()
    assert status == "fix" and f"PORT={port + 1} make run" in message


@pytest.fixture
def database(monkeypatch, tmp_path):
    """The capstone's database for the doctor's check: a new SQLite file."""
    path = tmp_path / "capstone.sqlite"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{path}")
    return path


def test_the_capstone_database_missing_then_current_then_behind(database):
    assert "no database yet" in doctor.capstone_database()[1]
    assert not database.exists()  # looking did not create it
    app = create_app({"DATABASE_URL": f"sqlite:///{database}"})
    with app.app_context():
        migrate.upgrade()
        db.engine.dispose()
    assert doctor.capstone_database()[0] == "ok"
    with sqlite3.connect(database) as connection:  # as if the code had moved on since
        connection.execute("UPDATE alembic_version SET version_num = '0001_initial'")
    status, message = doctor.capstone_database()
    assert status == "fix" and "is at 0001_initial" in message and "init-db" in message


def test_the_report_has_a_line_per_check_and_fails_when_one_needs_a_fix():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        result = subprocess.run(
            [sys.executable, "tools/doctor.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "PORT": str(taken.getsockname()[1])},
            timeout=120,
        )
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == len(doctor.CHECKS) + 2
    assert "  fix   port" in result.stdout and "thing(s) to fix" in result.stdout
