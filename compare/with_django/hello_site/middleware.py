"""What the contract asks and Django leaves to the server: a checked Content-Length, HEAD.

Django middleware is a callable made once with `get_response` (the rest of the
chain) and called once per request: code before `get_response(request)` sees the
request on its way in, code after it sees the response on its way out. It wraps
Django's view call, inside the WSGI callable; WSGI middleware (stage 02) wraps the
whole callable from outside.
"""

from django.http import HttpResponseBadRequest


class ContractMiddleware:
    """Refuse a malformed Content-Length with 400; send HEAD responses without a body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        """Check the request on the way in, strip the body of a HEAD answer on the way out."""
        length = request.META.get("CONTENT_LENGTH") or "0"
        # Django's request.body calls int() on it, and a ValueError there is a 500
        # (Python refuses to convert more than 4300 digits, too).
        if not (length.isascii() and length.isdigit() and len(length) < 19):
            return HttpResponseBadRequest(b"Bad Content-Length", content_type="text/plain")
        response = self.get_response(request)
        if request.method == "HEAD":
            # Django's runserver strips it, gunicorn too, but the WSGI callable does not.
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
