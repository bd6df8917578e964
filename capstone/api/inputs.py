"""Reading what a client sent: a JSON body checked by a schema, and paging values."""

from flask import request
from pydantic import ValidationError
from werkzeug.exceptions import BadRequest
from werkzeug.exceptions import UnsupportedMediaType

from capstone.api.schemas import NOT_BLANK
from capstone.api.schemas import PATTERN_MESSAGES
from capstone.services.errors import Invalid
from capstone.services.paging import MAX_PAGE
from capstone.services.tasks import MAX_PER_PAGE

DEFAULT_PER_PAGE = 20
TRUE_FALSE = {"true": True, "false": False}  # a flag in the query string
JSON_ONLY = "Send the body as JSON, with Content-Type: application/json."


class BadQuery(BadRequest):
    """A query-string value that makes no sense (400), with a message per parameter."""

    def __init__(self, fields):
        super().__init__("Some query parameters are not valid.")
        self.fields = fields


def fields_of(error):
    """Pydantic's errors as {"field": "message"}, in words a client can act on."""
    return {
        ".".join(str(part) for part in item["loc"]) or "body": message(item)
        for item in error.errors()
    }


def message(item):
    """One pydantic error in words: null refused, a pattern missed, or pydantic's own."""
    if item.get("input", ...) is None:
        return "This field cannot be null."
    if item["type"] == "string_pattern_mismatch":
        return PATTERN_MESSAGES.get(item["ctx"]["pattern"], item["msg"])
    if item["type"] == "string_too_short" and item.get("input") == "":
        return PATTERN_MESSAGES[NOT_BLANK]
    return item["msg"]


def body(model):
    """The request's JSON body, checked against `model`: the fields sent, as a dict.

    Not JSON: 415. Malformed JSON: 400 (both from Werkzeug's get_json), and nested too
    deeply: 400 too (json.loads raises RecursionError, which get_json lets through).
    Against the schema, or null for a field that cannot be cleared: 422 with a message
    per field.
    """
    try:
        request.get_json()
    except UnsupportedMediaType:
        raise UnsupportedMediaType(
            "Send the body as JSON, with Content-Type: application/json."
        ) from None
    except (BadRequest, RecursionError):
        raise BadRequest("The body is not valid JSON.") from None
    try:
        return model.model_validate_json(request.get_data()).model_dump(exclude_unset=True)
    except ValidationError as error:
        if any(item["type"] == "json_invalid" for item in error.errors()):
            # get_json() read it, so this is pydantic's depth limit (200), below json's.
            raise BadRequest("The body is not valid JSON.") from None
        raise Invalid(fields_of(error)) from None


def number(name, default, low, high):
    """A whole number from the query string, from `low` to `high`; BadQuery otherwise."""
    raw = request.args.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19 and low <= int(raw) <= high):
        raise BadQuery({name: f"A whole number from {low} to {high}."})
    return int(raw)


def paging():
    """(page, per_page) from the query string: per_page 20 by default, at most 100."""
    return number("page", 1, 1, MAX_PAGE), number("per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)
