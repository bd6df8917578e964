"""Causes make check recognises in what a failing check saw, said instead of its generic hint.

A check's hint says what the check expects. When the failure itself names a cause (a
response that is None, an exception that escaped, a TODO not done yet), that cause is
what the learner must fix first, whichever check tripped over it: one missing
`return response` can fail sixty checks, each with a hint about something else.
"""

import re

# (what the check saw, the cause to say): the first pattern that matches wins.
CAUSES = [
    (
        r"TypeError: 'NoneType' object is not callable",
        "a response was None: a view, or a function run on the response after it "
        "(after_request), ends without returning the response",
    ),
    (
        r"TypeError: The view function for '(?P<view>[^']+)' did not return a valid response",
        "the view {view} returned None: it ends without a return statement",
    ),
    (
        r"TypeError: '(?P<kind>str|bytes|dict|list|tuple)' object is not callable",
        "a view returned a {kind}, not a Response: wsgi_app calls what dispatch_request "
        "returns as a WSGI app, so a view must return a Response (page() makes one)",
    ),
    (
        r"^werkzeug\.exceptions\.(?P<name>\w+): \d{3}",
        "an HTTPException ({name}) escaped dispatch_request: catch HTTPException there and "
        "return it, since it is a response too",
    ),
    (
        r"TypeError: (?P<function>\w+)\(\) missing 1 required positional argument: "
        r"'(?P<argument>response|error)'",
        "{function}() is run at the wrong moment: Flask calls it without '{argument}'. A "
        "function that takes the response runs after the view; one that takes the error, "
        "at teardown",
    ),
]
TODO = re.compile(r"NotImplementedError: (TODO: .+)")


def todo_of(error):
    """'TODO: whoami' when `error` is a TODO still raising NotImplementedError, else None."""
    found = TODO.search(error or "")
    return found.group(1).strip() if found else None


def advice(hint, error):
    """What make check says under a failing check: a cause seen in `error`, else `hint`."""
    for pattern, cause in CAUSES:
        found = re.search(pattern, error or "")
        if found:
            return cause.format(**found.groupdict())
    if todo := todo_of(error):
        return f"{todo} is not written yet: do it first (its comment says what it must do)"
    return hint
