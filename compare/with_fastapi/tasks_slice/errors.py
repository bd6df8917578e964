"""The API's errors in the capstone's shape: {"error": code, "message": text, "fields": {...}}.

FastAPI answers {"detail": ...}; app.py sends every HTTPException under /api/
through `api_error_response`, so a 404 for a missing route is in this shape too.
"""

from fastapi import HTTPException
from fastapi.responses import JSONResponse

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "validation_error",
}


# What the capstone answers for an address under /api/ that names nothing.
NOT_FOUND = (
    "The requested URL was not found on the server. If you entered the URL manually please "
    "check your spelling and try again."
)


class ApiError(HTTPException):
    """An HTTPException with the capstone's message, and a message per field for a 400."""

    def __init__(self, status_code, message, fields=None):
        headers = {"WWW-Authenticate": "Bearer"} if status_code == 401 else None
        super().__init__(status_code, message, headers=headers)
        self.fields = fields


def api_error_response(error):
    """The JSON answer for `error`, with its status and headers (Allow, WWW-Authenticate)."""
    payload = {"error": CODES.get(error.status_code, "error"), "message": error.detail}
    if getattr(error, "fields", None):
        payload["fields"] = error.fields
    return JSONResponse(payload, status_code=error.status_code, headers=error.headers)
