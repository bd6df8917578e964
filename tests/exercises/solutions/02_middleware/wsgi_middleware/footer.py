"""Exercise 2: a comment at the end of every HTML page, with a Content-Length that stays true.

The footer changes the body's length, so the app's Content-Length would be a lie: the
client would stop reading early, or wait for bytes that never come. The headers are
therefore held back until the new length is known. (This assumes, as the hello app
does, that the app calls start_response before returning its body.)
"""

FOOTER = b"<!-- served by 02_middleware -->\n"


class Footer:
    """Middleware: append FOOTER to text/html bodies; others pass through untouched."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        """Hold the app's status and headers until the page with its footer is measured."""
        started = []
        body = self.app(environ, lambda *args: started.append(args))
        status, headers, *exc_info = started[-1]
        fields = {name.lower(): value for name, value in headers}
        if "text/html" not in fields.get("content-type", ""):
            start_response(status, headers, *exc_info)  # a stream stays a stream
            return body
        try:
            page = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        if environ["REQUEST_METHOD"] == "HEAD":  # no body: only the length changes
            length = int(fields.get("content-length", 0)) + len(FOOTER)
        else:
            page += FOOTER
            length = len(page)
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(status, [*headers, ("Content-Length", str(length))], *exc_info)
        return [page]
