"""`make wheelhouse`, and installing from it with the package index disabled.

The test that builds a wheelhouse downloads from PyPI (this machine's platform only, to
keep it short) and is marked `network`: `pytest -m "not network"` leaves it out.
"""

import os
import shutil
import subprocess
import sys

import pytest
from harness.stages import ROOT
from harness.stages import load_module

install = load_module(ROOT / "tools" / "install.py")
wheelhouse = load_module(ROOT / "tools" / "wheelhouse.py")


def fresh_clone(folder):
    """The repository's tracked files, as they are now, copied into `folder`."""
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    for name in filter(None, listed.stdout.split("\0")):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    return folder


@pytest.mark.network
def test_a_fresh_clone_installs_from_the_wheelhouse_with_no_index(tmp_path):
    folder = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "tools/wheelhouse.py", "--here", str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    assert "0 sources" in built.stdout, built.stdout  # every package has a wheel here
    clone = fresh_clone(tmp_path / "clone")
    # --no-index is the point; an index that answers nothing makes sure nothing asks it.
    env = {**os.environ, "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_NO_CACHE_DIR": "1"}
    command = ["make", "lint", f"WHEELHOUSE={folder}", f"PYTHON={sys.executable}"]
    made = subprocess.run(command, cwd=clone, env=env, capture_output=True, text=True)
    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    assert f"from {folder} only" in made.stdout
    # The dev install has everything: the capstone, compare/'s frameworks, the test tools.
    imports = "import capstone, django, fastapi, playwright, pytest, schemathesis"
    python = clone / ".venv" / "bin" / "python"
    subprocess.run([python, "-c", imports], cwd=clone, check=True)


def test_install_uses_the_wheelhouse_alone_when_given(monkeypatch, tmp_path, capsys):
    calls = []
    monkeypatch.setattr(install, "pip", lambda *arguments: calls.append(arguments) or iter([0]))
    assert install.install("run", str(tmp_path)) == 0
    assert [call[-3:] for call in calls] == [("--no-index", "--find-links", str(tmp_path))] * 2
    assert f"from {tmp_path} only" in capsys.readouterr().out
    calls.clear()
    assert install.install("run") == 0
    assert not [call for call in calls if "--no-index" in call]


def test_a_wheelhouse_that_is_not_there_is_named(tmp_path, capsys):
    assert install.install("dev", str(tmp_path / "usb")) == 1
    assert "is not a folder: make one with make wheelhouse" in capsys.readouterr().out


@pytest.mark.parametrize(("target", "kind"), [("test", "dev"), ("run", "run"), ("start", "run")])
def test_make_passes_the_wheelhouse_to_the_install(tmp_path, target, kind):
    command = ["make", "--dry-run", f"VENV={tmp_path / 'venv'}", target, "WHEELHOUSE=/media/usb"]
    ran = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
    assert (
        f'WHEELHOUSE="/media/usb" {tmp_path}/venv/bin/python tools/install.py {kind}' in ran.stdout
    )


def test_make_wheelhouse_writes_into_the_folder_given(tmp_path):
    for given, folder in ((), "wheelhouse"), (("WHEELHOUSE=/media/usb",), "/media/usb"):
        command = ["make", "--dry-run", f"VENV={tmp_path / 'venv'}", "wheelhouse", *given]
        ran = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True)
        assert f'tools/wheelhouse.py "{folder}"' in ran.stdout


def test_every_supported_python_and_platform_is_downloaded(monkeypatch, tmp_path):
    asked = []
    monkeypatch.setattr(wheelhouse, "pip", lambda *arguments: asked.append(arguments) or (0, ""))
    assert wheelhouse.build(tmp_path) == 0
    combinations = {
        (next(a for a in call if a.startswith("--python-version")), call[2]) for call in asked
    }
    assert len(combinations) == 3 * 4 == len(asked)
    assert all("--only-binary=:all:" in call and ".[dev]" in call for call in asked)


def test_a_package_without_a_wheel_comes_as_source_said_plainly(monkeypatch, tmp_path, capsys):
    answers = iter([(1, "ERROR: No matching distribution found for oldlib"), *[(0, "")] * 3])
    asked = []

    def pip(*arguments):
        asked.append(arguments)
        return next(answers)

    monkeypatch.setattr(wheelhouse, "pip", pip)
    assert wheelhouse.fill(tmp_path) == 0
    assert [call[0] for call in asked] == ["download", "download", "wheel", "download"]
    assert "--no-binary=:all:" in asked[1] and asked[1][-1] == "oldlib"
    assert "oldlib has no wheel there: its source goes in" in capsys.readouterr().out


def test_a_package_that_stays_without_a_wheel_fails_the_build(monkeypatch, tmp_path, capsys):
    no_wheel = (1, "ERROR: No matching distribution found for cext")
    monkeypatch.setattr(
        wheelhouse, "pip", lambda *arguments: no_wheel if arguments[0] == "download" and
        "--only-binary=:all:" in arguments else (0, "")
    )  # fmt: skip
    assert wheelhouse.fill(tmp_path, "3.12", ("macosx_14_0_arm64",), "macOS") == 1
    assert "pip failed for Python 3.12 on macOS" in capsys.readouterr().out
