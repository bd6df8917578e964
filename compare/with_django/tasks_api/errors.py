"""DRF's errors in the capstone's shape: {"error": code, "message": text, "fields": {...}}.

DRF's own handler answers {"detail": "..."}; this one keeps its status and headers
(WWW-Authenticate on a 401) and writes the body the capstone's clients expect.
"""

from rest_framework.views import exception_handler

CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found"}


def capstone_errors(error, context):
    """Let DRF build the response (status, headers), then replace its body."""
    response = exception_handler(error, context)
    if response is None:
        return None  # not an API error: Django's own 500
    response.data = {"error": CODES.get(response.status_code, "error"), "message": error.detail}
    if getattr(error, "fields", None):
        response.data["fields"] = error.fields
    return response
