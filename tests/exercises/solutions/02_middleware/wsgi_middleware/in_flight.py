"""Exercise 4: how many requests are being served right now."""

import threading

from wsgi_middleware.body import watch_response


class InFlight:
    """Middleware: `count` goes up when a request comes in, down when its response is over."""

    def __init__(self, app):
        self.app = app
        self.count = 0
        self._lock = threading.Lock()  # a threaded server runs several requests at once

    def __call__(self, environ, start_response):
        """Count the request in; watch_response counts it out at close(), or if the app raises."""
        self._add(1)
        return watch_response(self.app, environ, start_response, lambda *done: self._add(-1))

    def _add(self, step):
        with self._lock:
            self.count += step
