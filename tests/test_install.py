"""The Makefile: `make run` installs what serving needs, `make test` the dev tools; STAGE=."""

import subprocess

from harness.stages import ROOT
from harness.stages import load_module

install = load_module(ROOT / "tools" / "install.py")


def dry_run(target, tmp_path):
    """The commands `make TARGET` would run for a .venv that does not exist yet."""
    return dry_run_with([target], tmp_path)


def test_make_run_installs_only_what_serving_needs(tmp_path):
    commands = dry_run("run", tmp_path)
    assert "tools/install.py run" in commands
    assert "tools/install.py dev" not in commands


def test_make_test_and_make_lint_install_the_dev_tools(tmp_path):
    for target in ("test", "lint", "check"):
        assert "tools/install.py dev" in dry_run(target, tmp_path)


def test_pip_is_summarised_as_one_line_per_package(capsys):
    lines = ["Collecting flask<3.2,>=3.1 (from x)\n", "  Downloading ...\n"]
    lines += ["Processing /opt/wheels/Jinja2-3.1.6-py3-none-any.whl (from flask)\n"]
    lines += ["Processing /work/repo\n", "Collecting celery[redis]<6,>=5.5\n", 0]
    status, output, count = install.summarise(iter(lines), count=4)
    assert (status, count, len(output)) == (0, 7, 5)
    assert capsys.readouterr().out.split() == ["5", "flask", "6", "Jinja2", "7", "celery"]


def test_a_failing_pip_shows_all_its_output(monkeypatch, capsys):
    monkeypatch.setattr(install, "pip", lambda *arguments: iter(["ERROR: no network\n", 1]))
    assert install.install("run") == 1
    shown = capsys.readouterr().out
    assert "ERROR: no network" in shown and "failed (status 1)" in shown


def test_make_stage_takes_stage_as_start_and_check_do_and_still_n(tmp_path):
    for setting in ("STAGE=03", "N=03"):
        commands = dry_run_with(["stage", setting], tmp_path)
        assert "ls -d 03_*/app.py" in commands, setting


def dry_run_with(arguments, tmp_path):
    """The commands `make ARGUMENTS...` would run, for a .venv that does not exist yet."""
    command = ["make", "--dry-run", f"VENV={tmp_path / 'venv'}", *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True).stdout
