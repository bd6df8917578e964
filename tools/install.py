"""How `make` installs the project into .venv: one line per step, pip's progress summarised.

    python tools/install.py run    what serving needs: `make run`, `make stage`
    python tools/install.py dev    that and the tools to test and lint: `make test`

Standard library only: it runs before anything is installed. pip's own output (hundreds
of lines, or nothing with --quiet for a minute and more) is summarised as one line per
package it fetches; on failure the whole output is printed, since that is what explains it.
"""

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


def summarise(lines):
    """Print "collecting NAME" for each package pip fetches; the status and all the output."""
    output, count = [], 0
    for line in lines:
        if isinstance(line, int):
            return line, output, count
        output.append(line)
        name = re.split(r"[<>=!~\[ ;]", line.removeprefix("Collecting "))[0].strip()
        if line.startswith("Collecting ") and name:
            count += 1
            print(f"  {count:3}  {name}", flush=True)
    raise AssertionError("pip() yields its status last")


def install(kind):
    """Upgrade pip, then install the project's `kind` of requirements; the exit status."""
    started = time.monotonic()
    print(SAYING[kind], flush=True)
    fetched = 0
    for arguments in (("install", "--upgrade", "pip"), ("install", "-e", REQUIREMENTS[kind])):
        status, output, count = summarise(pip(*arguments))
        if status:
            sys.stdout.writelines(output)
            print(f"pip {' '.join(arguments)} failed (status {status}); its output is above.")
            return status
        fetched += count
    print(f"Installed in {time.monotonic() - started:.0f} s ({fetched} packages fetched).")
    return 0


if __name__ == "__main__":
    sys.exit(install(sys.argv[1] if len(sys.argv) > 1 else "dev"))
