"""Parse the shell transcripts in a README so a test can replay them against the real server.

A transcript is a fenced block marked ``console``. Lines starting with ``$ `` are
commands; the lines after each command, up to the next one, are its output. The
command that runs a stage's ``app.py`` (or ``flask ... run``) starts its server;
every other command runs against that server, at the address the README shows
(``127.0.0.1:8000``), which the replay swaps for the real one. Other fenced blocks
(``sh``, ``python``) are instructions, not transcripts, and are not replayed.

The output shown for the server command is what its terminal shows once every
other command has run: the banner, then its log. A line that is exactly ``...``
stands for any number of lines (as in doctest), for output such as tracebacks
whose details depend on the machine. Times, durations and the Date and Server
headers change on every run; `normalise` replaces them on both sides.
"""

import re
from dataclasses import dataclass

DOCUMENTED_ADDRESS = "127.0.0.1:8000"
FENCE = re.compile(r"^```console\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)
# Values that differ on every run or machine, and what each becomes on both sides.
VOLATILE = [
    (re.compile(r"^(Date|Server): .*$", flags=re.MULTILINE | re.IGNORECASE), r"\1: <varies>"),
    (re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\]"), "[<time>]"),  # stage 02's log
    (re.compile(r"\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}\]"), "[<time>]"),  # Flask's log
    (re.compile(r"\[\d\d/\w{3}/\d{4} \d\d:\d\d:\d\d\]"), "[<time>]"),  # wsgiref's log
    (re.compile(r"\(\d+\.\dms\)"), "(<ms>)"),
    (re.compile(r"Expires=\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT"), "Expires=<date>"),
    # Werkzeug colours its log even into a pipe; a terminal shows colours, not codes.
    (re.compile(r"\x1b\[[0-9;]*m"), ""),
]
ANY_LINES = "..."
# The run command, perhaps after settings: FLASK_DATABASE=instance/x.sqlite python 06_factory/app.py
SERVER_COMMAND = re.compile(r"(?:\w+=\S+ )*(?:python3? \S+/app\.py|flask .* run)")


@dataclass
class Step:
    """One command of a transcript and the output the README shows for it."""

    command: str
    expected: str

    @property
    def settings_and_argv(self):
        """Split the command into its leading NAME=value settings and the program's arguments."""
        words = self.command.split()
        settings = {}
        while words and re.fullmatch(r"\w+=\S+", words[0]):
            name, _, value = words.pop(0).partition("=")
            settings[name] = value
        return settings, words

    @property
    def starts_server(self):
        """True for the command that starts the stage's server rather than talking to it."""
        return bool(SERVER_COMMAND.fullmatch(self.command))


def parse(markdown):
    """Return the steps of every console block in `markdown`, in order."""
    steps = []
    for block in FENCE.findall(markdown):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            steps.append(Step(command.strip(), output))
    return steps


def normalise(text, address=DOCUMENTED_ADDRESS):
    """Make output comparable: LF line ends, no trailing spaces, the documented address."""
    text = text.replace("\r\n", "\n").replace(address, DOCUMENTED_ADDRESS)
    for pattern, replacement in VOLATILE:
        text = pattern.sub(replacement, text)
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def matches(expected, actual):
    """True if `actual` equals `expected` (both normalised); a '...' line matches any lines."""
    pattern = "".join(
        r"(?:.*\n)*?" if line == ANY_LINES else re.escape(line) + r"\n"
        for line in expected.splitlines()
    )
    return re.fullmatch(pattern, actual + "\n" if actual else "") is not None
