"""`make wheelhouse`: every wheel the course needs, in one folder, for a room without internet.

    python tools/wheelhouse.py wheelhouse          every supported Python and platform
    python tools/wheelhouse.py --here wheelhouse   this machine's Python and platform only

The folder then goes on a USB stick; on each laptop `make test WHEELHOUSE=/path/to/it`
(or run, start, check) installs from it with the index disabled (tools/install.py).
What is downloaded is what `make test` installs: the project with its dev extra (which
includes compare/'s), pip itself, and setuptools, which pip builds the project's
editable install with (pyproject.toml's build-system). pip resolves once per Python
version and platform, so a package that needs another version somewhere gets both.

Standard library only, like install.py: run it with the interpreter whose pip to use.
"""

import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHONS = ("3.11", "3.12", "3.13")
# The wheel tags pip may choose from for each platform. Linux: glibc 2.28 or newer
# (Debian 10, Ubuntu 20.04, RHEL 8, and WSL's Ubuntu); manylinux2014 is manylinux_2_17,
# and pip counts the older manylinux2010 and manylinux1 with it. macOS: 14 (Sonoma) or
# newer; pip counts every older macOS version's wheels, and universal2, with it.
PLATFORMS = {
    "Linux x86_64 (and Windows with WSL)": ("manylinux_2_28_x86_64", "manylinux2014_x86_64"),
    "Linux aarch64": ("manylinux_2_28_aarch64", "manylinux2014_aarch64"),
    "macOS x86_64 (Intel)": ("macosx_14_0_x86_64",),
    "macOS arm64 (Apple silicon)": ("macosx_14_0_arm64",),
}
REQUIREMENTS = (".[dev]", "pip", "setuptools>=77")
# What pip says when a requirement has no wheel for the platform asked.
NO_WHEEL = re.compile(r"No matching distribution found for ([A-Za-z0-9._-]+)")


def pip(*arguments):
    """Run this interpreter's pip quietly from the repository; (status, its output)."""
    command = [sys.executable, "-m", "pip", *arguments, "--progress-bar", "off"]
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    return finished.returncode, finished.stdout + finished.stderr


def download(folder, python=None, platforms=()):
    """Download the wheels for one Python version and platform (None: this machine's)."""
    target = [f"--platform={name}" for name in platforms]
    target += [f"--python-version={python}"] if python else []
    return pip(
        "download", "--only-binary=:all:", *target, "--find-links", str(folder),
        "--dest", str(folder), *REQUIREMENTS,
    )  # fmt: skip


def add_source(folder, name):
    """Put the source of `name` in the folder, and a wheel built from it for this machine.

    A pure-Python package's wheel then serves every platform; a compiled one only this
    machine's, and the laptops of the others build it from the source (a compiler needed).
    """
    print(f"  {name} has no wheel there: its source goes in, and a wheel built from it.")
    for arguments in (
        ("download", "--no-deps", "--no-binary=:all:", "--dest", str(folder), name),
        ("wheel", "--no-deps", "--no-index", "--find-links", str(folder), "-w", str(folder), name),
    ):
        status, output = pip(*arguments)
        if status:
            return status, output
    return 0, ""


def fill(folder, python=None, platforms=(), label="this machine"):
    """Download one combination's wheels, adding sources where pip finds no wheel; status."""
    print(f"Python {python or sys.version.split()[0]} on {label}", flush=True)
    tried = set()
    while True:
        status, output = download(folder, python, platforms)
        missing = NO_WHEEL.search(output)
        if not status or not missing or missing.group(1) in tried:
            break
        tried.add(missing.group(1))
        status, output = add_source(folder, missing.group(1))
        if status:
            break
    if status:
        print(output)
        print(f"pip failed for Python {python or 'here'} on {label}; its output is above.")
    return status


def build(folder, here=False):
    """Fill `folder` for every combination (or this machine's); report what is in it."""
    folder.mkdir(parents=True, exist_ok=True)
    if here:
        failed = fill(folder)
    else:
        failed = 0
        for label, platforms in PLATFORMS.items():
            for python in PYTHONS:
                failed |= fill(folder, python, platforms, label)
    wheels = sorted(folder.glob("*.whl"))
    sources = sorted(folder.glob("*.tar.gz"))
    size = sum(path.stat().st_size for path in [*wheels, *sources])
    print(f"{folder}: {len(wheels)} wheels, {len(sources)} sources, {size / 1e6:.0f} MB.")
    for source in sources:
        print(f"  source only, built on the laptop: {source.name}")
    print(f"Install from it with: make test WHEELHOUSE={folder}")
    return 1 if failed else 0


def main(argv=None):
    """Parse the folder and --here, then build."""
    parser = argparse.ArgumentParser(prog="tools/wheelhouse.py", description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default="wheelhouse")
    parser.add_argument("--here", action="store_true", help="this machine's platform only")
    arguments = parser.parse_args(argv)
    return build(Path(arguments.folder).resolve(), arguments.here)


if __name__ == "__main__":
    sys.exit(main())
