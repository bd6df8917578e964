"""HTTP/1.1 by hand over a socket, for requests that no client library will send.

A malformed chunk, a body that never ends, headers dribbled a byte at a time: `requests`
refuses or hides all of them, so the tests that need them write the bytes themselves.
"""

import contextlib
import socket
import threading
from dataclasses import dataclass


@dataclass
class Answer:
    """A response as it came off the wire: status, headers (lower-case names) and body."""

    status: int
    headers: dict
    body: bytes
    sent: int = 0  # bytes of the request that went out before the server closed


def head(method, path, *headers):
    """A request's head: the request line, Host, `headers` ("Name: value"), Connection: close."""
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", *headers, "Connection: close"]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def chunked(body, size=64 * 1024):
    """`body` in the chunked transfer coding, `size` bytes a chunk, with the last chunk."""
    pieces = [
        b"%x\r\n%s\r\n" % (len(body[i : i + size]), body[i : i + size])
        for i in range(0, len(body), size)
    ]
    return b"".join(pieces) + b"0\r\n\r\n"


def exchange(port, data, timeout=10):
    """Send `data` (bytes, or an iterable of bytes) to 127.0.0.1:`port`, read the answer.

    The bytes go out from a thread while this one reads until the server closes: a
    server that answers before reading the whole body (413) must not leave both sides
    waiting on each other. The answer's `sent` says how many bytes went out.
    """
    pieces = [data] if isinstance(data, bytes) else data
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:

        def send():
            nonlocal sent
            # OSError: the server answered and closed before reading it all.
            with contextlib.suppress(OSError):
                for piece in pieces:
                    connection.sendall(piece)
                    sent += len(piece)

        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        received = bytearray()
        try:
            while chunk := connection.recv(65536):
                received += chunk
        except ConnectionResetError:  # a close with our bytes unread: what came first counts
            pass
        sender.join(timeout)
    answer = parse(bytes(received))
    answer.sent = sent
    return answer


def parse(raw):
    """An Answer from the raw bytes of a response (the body as sent, not decoded)."""
    head_part, _, body = raw.partition(b"\r\n\r\n")
    status_line, *header_lines = head_part.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return Answer(int(status_line.split()[1]), headers, body)
