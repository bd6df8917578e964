"""How `make` installs the project into .venv: one line per step, pip's progress summarised.

    python tools/install.py run    what serving needs: `make run`, `make stage`
    python tools/install.py dev    that and the tools to test and lint: `make test`

With WHEELHOUSE set to a folder made by `make wheelhouse`, pip installs from it alone,
the package index disabled (--no-index): the way a room without internet installs.

Standard library only: it runs before anything is installed. pip's own output (hundreds
of lines, or nothing with --quiet for a minute and more) is summarised as one line per
package it fetches; on failure the whole output is printed, since that is what explains it.
"""

import os
import re
import subprocess
import sys
import time

REQUIREMENTS = {"run": ".", "dev": ".[dev]"}
SAYING = {
    "run": "Installing what the capstone needs to run into .venv (about a minute, once)",
    "dev": "Installing the test and lint tools into .venv (a minute or two, once)",
}


def pip(*arguments):
    """Run this interpreter's pip; yield its output lines as they come, then its status."""
    command = [sys.executable, "-m", "pip", *arguments, "--progress-bar", "off"]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as process:
        yield from process.stdout
    yield process.returncode


def package_of(line):
    """The package a line of pip's output starts fetching, or None.

    "Collecting flask<3.2,>=3.1" from an index; "Processing /path/flask-3.1.2-py3-none-any.whl"
    from a local folder of wheels.
    """
    if line.startswith("Collecting "):
        return re.split(r"[<>=!~\[ ;]", line.removeprefix("Collecting "))[0].strip() or None
    words = line.split()
    if words[:1] == ["Processing"] and len(words) > 1 and words[1].endswith((".whl", ".tar.gz")):
        return os.path.basename(words[1]).split("-")[0]
    return None


def summarise(lines, count=0):
    """Print a numbered line per package pip fetches; its status, all its output, the count."""
    output = []
    for line in lines:
        if isinstance(line, int):
            return line, output, count
        output.append(line)
        if name := package_of(line):
            count += 1
            print(f"  {count:3}  {name}", flush=True)
    raise AssertionError("pip() yields its status last")


def source_options(wheelhouse):
    """The options that make pip install from the folder `wheelhouse` alone; () if None."""
    if not wheelhouse:
        return ()
    return ("--no-index", "--find-links", os.path.abspath(wheelhouse))


def install(kind, wheelhouse=None):
    """Upgrade pip, then install the project's `kind` of requirements; the exit status."""
    started = time.monotonic()
    print(SAYING[kind], flush=True)
    if wheelhouse and not os.path.isdir(wheelhouse):
        print(f"WHEELHOUSE={wheelhouse} is not a folder: make one with make wheelhouse.")
        return 1
    if wheelhouse:
        print(f"  from {wheelhouse} only (the package index is not used)", flush=True)
    fetched, source = 0, source_options(wheelhouse)
    for arguments in (("install", "--upgrade", "pip"), ("install", "-e", REQUIREMENTS[kind])):
        status, output, fetched = summarise(pip(*arguments, *source), fetched)
        if status:
            sys.stdout.writelines(output)
            said = " ".join((*arguments, *source))
            print(f"pip {said} failed (status {status}); its output is above.")
            return status
    print(f"Installed in {time.monotonic() - started:.0f} s ({fetched} packages fetched).")
    return 0


if __name__ == "__main__":
    kind = sys.argv[1] if len(sys.argv) > 1 else "dev"
    sys.exit(install(kind, os.environ.get("WHEELHOUSE") or None))
