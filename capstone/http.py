"""What the web pages and the API share about a request, below both of them.

The login form and the API's token endpoint both count failed logins by the client's
address; errors.py turns a 400 explained to its sender into the page or the JSON.
Neither blueprint imports the other's helpers (web.py is the web pages' own).
"""

from flask import request
from werkzeug.exceptions import BadRequest


class ExplainedBadRequest(BadRequest):
    """A 400 whose description is written for the person who sent it: the page shows it.

    Other errors show errors.py's fixed sentence, never a description, which may hold
    internals.
    """


def client_address():
    """The client's address, as the server (or ProxyFix, behind a proxy) reports it."""
    return request.remote_addr or "unknown"
