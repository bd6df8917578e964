"""Parse the shell transcripts in a README so a test can replay them against the real server.

A transcript is a fenced block marked ``console``. Lines starting with ``$ `` are
commands; the lines after each command, up to the next one, are its output. A
command starting with ``python`` or ``flask`` starts the stage's server; every other
command runs against the server started last, at the address the README shows
(``127.0.0.1:8000``), which the replay swaps for the real one. Other fenced blocks
(``sh``, ``python``) are instructions, not transcripts, and are not replayed.
"""

import re
from dataclasses import dataclass

DOCUMENTED_ADDRESS = "127.0.0.1:8000"
FENCE = re.compile(r"^```console\n(.*?)^```", flags=re.MULTILINE | re.DOTALL)
# Values that differ on every run or machine; both sides are normalised the same way.
VOLATILE_HEADERS = re.compile(r"^(Date|Server): .*$", flags=re.MULTILINE | re.IGNORECASE)


@dataclass
class Step:
    """One command of a transcript and the output the README shows for it."""

    command: str
    expected: str

    @property
    def starts_server(self):
        """True for the command that starts the stage's server rather than talking to it."""
        return self.command.split()[0] in ("python", "python3", "flask")


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
    text = VOLATILE_HEADERS.sub(lambda m: f"{m.group(1)}: <varies>", text)
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())
