"""A learner's mistake as a small edit of a reference stage, and the check that must catch it.

Each stage's list (mistakes_NN.py) is also a catalogue for instructors: the mistakes seen
in workshops and walk-throughs, each with the words its hint must contain, so a wrong
answer can never pass `make check` quietly, nor fail it with a hint about something else.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Mistake:
    """Replace `old` (found exactly once in `file`) by `new`; `checks` must fail, hint `says`.

    A mistake that takes edits in two places gives `old` and `new` as tuples, pair by pair.
    """

    name: str
    file: str
    old: str | tuple
    new: str | tuple
    checks: str  # the test file (or node id) of make check's that catches it
    says: str  # a regular expression the hint shown by make check must match

    def apply(self, reference, folder):
        """Copy the reference stage into `folder` and make the mistake in it."""
        shutil.copytree(reference, folder, ignore=shutil.ignore_patterns("__pycache__", "instance"))
        path = Path(folder) / self.file
        text = path.read_text(encoding="utf-8")
        olds = self.old if isinstance(self.old, tuple) else (self.old,)
        news = self.new if isinstance(self.new, tuple) else (self.new,)
        for old, new in zip(olds, news, strict=True):
            found = text.count(old)
            if found != 1:
                raise AssertionError(
                    f"{self.name}: {old!r} is in {self.file} {found} times, not once: "
                    "the reference changed, so update the mistake"
                )
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")

    def named_by(self, hint):
        """True when `hint` names this mistake."""
        return re.search(self.says, hint, flags=re.IGNORECASE) is not None
