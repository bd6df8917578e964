"""What the contract's two clients share: the Response they return, cookies, redirects.

WSGIClient (harness/wsgi_client.py) calls a WSGI app in-process; HTTPClient
(harness/http_client.py) sends the same requests to a server by URL. The contract's
tests are written once against this interface and run with either.
"""

from dataclasses import dataclass
from dataclasses import field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit


@dataclass
class Response:
    """What the application sent: status line, headers and the body bytes it yielded."""

    status: str
    headers: list
    body: bytes
    history: list = field(default_factory=list)

    @property
    def status_code(self):
        """The status as an int, from the status line '404 Not Found'."""
        return int(self.status.split(" ", 1)[0])

    def header(self, name, default=None):
        """The value of the first header called `name`, compared case-insensitively."""
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return default

    @property
    def text(self):
        """The body decoded as UTF-8, as every hello-app page is."""
        return self.body.decode("utf-8")


class ContractClient:
    """What both contract clients share: cookies, the short-hand methods, redirect-after-POST.

    A subclass supplies `request(method, target, body, headers, environ, validate)`;
    WSGIClient calls an app in-process, harness/http_client.HTTPClient a server by URL.
    """

    def __init__(self):
        self.cookies = SimpleCookie()

    def get(self, target, **kwargs):
        """Send a GET request."""
        return self.request("GET", target, **kwargs)

    def head(self, target, **kwargs):
        """Send a HEAD request."""
        return self.request("HEAD", target, **kwargs)

    def post_form(self, target, data, follow_redirects=True):
        """POST `data` (bytes already form-encoded) and follow any redirect-after-POST."""
        headers = [("Content-Type", "application/x-www-form-urlencoded")]
        response = self.request("POST", target, body=data, headers=headers)
        history = []
        while follow_redirects and response.status_code in (301, 302, 303, 307, 308):
            assert len(history) < 5, "more than 5 redirects in a row: is there a redirect loop?"
            history.append(response)
            location = urlsplit(response.header("Location", "/"))
            path = location.path + (f"?{location.query}" if location.query else "")
            response = self.get(path)
        response.history = history
        return response

    def cookie_header(self):
        """The Cookie header a browser would send back, or None when no cookie is kept."""
        if not self.cookies:
            return None
        return "; ".join(f"{k}={m.coded_value}" for k, m in self.cookies.items())

    def _store_cookies(self, response):
        for name, value in response.headers:
            if name.lower() != "set-cookie":
                continue
            cookie = SimpleCookie(value)
            for key, morsel in cookie.items():
                if morsel["max-age"] == "0" or morsel.value == "":
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value
