"""Exercise 5: the client's address behind exactly one proxy.

The proxy appends the address it saw to X-Forwarded-For, after whatever the client
sent. Only that last entry comes from someone we trust: anything before it was written
by the client, who could put any address there.
"""


class ForwardedFor:
    """Middleware: REMOTE_ADDR becomes the last X-Forwarded-For address, if there is one."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        """Replace REMOTE_ADDR by the hop our proxy added, keeping the proxy's own address."""
        hops = [hop.strip() for hop in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if hops[-1]:
            environ["forwarded.proxy_addr"] = environ.get("REMOTE_ADDR")
            environ["REMOTE_ADDR"] = hops[-1]
        return self.app(environ, start_response)
