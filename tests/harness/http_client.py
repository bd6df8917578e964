"""The contract's client for a server reached by URL: the same requests, over a real socket.

`pytest tests/contract --url http://127.0.0.1:8000` checks any server, in any language,
with this client instead of WSGIClient. A request the WSGI client builds by overriding
environ keys (a malformed CONTENT_LENGTH) is sent here as the header the server would
have turned into that key, so the check means the same thing on both sides.

Every request has its own connection, closed after the answer (`Connection: close`),
and a time limit: a server that reads past Content-Length waits for bytes that never
come, and over HTTP that shows as no answer at all.
"""

import contextlib
import http.client
from urllib.parse import urlsplit

from harness.client_base import ContractClient
from harness.client_base import Response

# Long enough for a busy 2-core machine, short enough that a hang fails the check soon.
ANSWER_TIMEOUT = 10.0


def header_for(key):
    """The HTTP header a server turns into the environ `key` (CONTENT_LENGTH, HTTP_X_Y)."""
    if key in ("CONTENT_LENGTH", "CONTENT_TYPE"):
        return key.title().replace("_", "-")
    if key.startswith("HTTP_"):
        return key.removeprefix("HTTP_").title().replace("_", "-")
    raise ValueError(f"environ[{key!r}] has no HTTP header: a check that needs it is WSGI-only")


class HTTPClient(ContractClient):
    """Send the contract's requests to the server at `url` ('http://127.0.0.1:8000')."""

    in_process = False

    def __init__(self, url, timeout=ANSWER_TIMEOUT):
        super().__init__()
        self.timeout = timeout
        parts = urlsplit(url)
        if parts.scheme != "http" or not parts.hostname:
            raise ValueError(f"--url wants http://HOST:PORT, not {url!r}")
        self.host = parts.hostname
        self.port = parts.port or 80
        self.prefix = parts.path.rstrip("/")  # a server mounted below a path

    def request(self, method, target, body=b"", headers=(), environ=None, validate=True):
        """Send one request and return a Response; `validate` only means something in-process."""
        sent = {"Connection": "close"}
        if body:
            sent["Content-Length"] = str(len(body))
        sent.update(dict(headers))
        for key, value in (environ or {}).items():
            sent[header_for(key)] = value
        if self.cookie_header():
            sent["Cookie"] = self.cookie_header()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.putrequest(method, self.prefix + target, skip_accept_encoding=True)
            for name, value in sent.items():
                connection.putheader(name, value)
            connection.endheaders()
            send_body(connection, body)
            answer = connection.getresponse()
            received = read_body(answer)
        except TimeoutError:
            raise AssertionError(
                f"{method} {target}: no answer within {self.timeout:g} s; does the server "
                "read past Content-Length, waiting for bytes the client never sends?"
            ) from None
        finally:
            connection.close()
        status = f"{answer.status} {answer.reason}"
        response = Response(status, list(answer.getheaders()), received)
        self._store_cookies(response)
        return response


def read_body(answer):
    """The body, or as much of it as came before the server reset the connection.

    A server that refuses a request without reading its body (a malformed
    Content-Length, 413) closes with those bytes unread, and the kernel then resets
    the connection, which can discard the end of an answer already sent. The status
    line and headers have arrived by then; they are what such a check looks at.
    """
    chunks = []
    try:
        while chunk := answer.read1(65536):
            chunks.append(chunk)
    except ConnectionResetError:
        pass
    return b"".join(chunks)


def send_body(connection, body):
    """Send the body; a server may answer (413) and close before it has read it all.

    That is allowed (the answer is already on its way), so a reset while sending is
    not an error here: reading the response says what the server decided.
    """
    with contextlib.suppress(BrokenPipeError, ConnectionResetError, TimeoutError):
        connection.send(body)
