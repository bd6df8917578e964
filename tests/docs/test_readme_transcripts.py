"""Every shell transcript in a README, replayed over real HTTP against the real server.

See harness/transcripts.py for the format. The server is started with the very
command the README shows (plus PORT=0, so tests never fight over port 8000), and
each command's output must equal what the README prints, except for the Date and
Server headers, which change with every run, and '...' lines, which match any
lines. Once every command has run, the server's own output (banner and log) must
match what the README shows for the run command.
"""

import os
import shutil
import subprocess
import time

import pytest
from harness.servers import running_server
from harness.servers import venv_environ
from harness.stages import COMPARE
from harness.stages import ROOT
from harness.stages import stage_dirs
from harness.transcripts import DOCUMENTED_ADDRESS
from harness.transcripts import matches
from harness.transcripts import normalise
from harness.transcripts import parse

READMES = [
    path / "README.md"
    for path in [*stage_dirs(), COMPARE, ROOT / "capstone"]
    if (path / "README.md").exists()
]


@pytest.fixture(scope="module")
def curl():
    """The curl program; CI installs it, and there its absence is a failure, not a skip."""
    if shutil.which("curl"):
        return
    if os.environ.get("CI") == "true":
        pytest.fail("curl is missing on CI: .ci/run should have installed it")
    pytest.skip("curl is not installed, so the README transcripts cannot be replayed")


def run(command, address):
    """Run one transcript command through bash against the server at `address`."""
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command.replace(DOCUMENTED_ADDRESS, address)],
        cwd=ROOT,
        env=venv_environ(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    # The exit status is not checked: a transcript may show a command failing on purpose
    # (a refusal, an error message); its output is compared all the same.
    return result.stdout


@pytest.mark.parametrize("readme", READMES, ids=[p.parent.name for p in READMES])
def test_every_stage_readme_shows_a_transcript(readme):
    steps = parse(readme.read_text(encoding="utf-8"))
    assert steps and steps[0].starts_server, (
        f"{readme} should open its transcript with the run command"
    )


# One worker replays them all, one after the other: they share files such as cookies.txt.
@pytest.mark.xdist_group("readme-transcripts")
@pytest.mark.parametrize("readme", READMES, ids=[p.parent.name for p in READMES])
def test_readme_transcript_matches_the_real_server(readme, curl):
    steps = parse(readme.read_text(encoding="utf-8"))
    server_steps = [step for step in steps if step.starts_server]
    assert len(server_steps) == 1, "one run command per README keeps the replay simple"
    start = server_steps[0]
    settings, argv = start.settings_and_argv
    with running_server(argv, env=settings) as server:
        address = server.url.removeprefix("http://")
        for step in steps:
            if step is not start:
                actual = normalise(run(step.command, address), address)
                expected = normalise(step.expected)
                assert matches(expected, actual), (
                    f"`{step.command}` printed:\n{actual}\n\n"
                    f"the server's log so far:\n{server.output()}"
                )
        # Log lines are written when each response is closed, which may trail the client.
        deadline = time.monotonic() + 5
        while not matches(normalise(start.expected), normalise(server.output(), address)):
            if time.monotonic() > deadline:
                shown = normalise(server.output(), address)
                pytest.fail(f"the server printed:\n{shown}\n\nthe README shows:\n{start.expected}")
            time.sleep(0.05)
