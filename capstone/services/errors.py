"""Errors that carry messages per field: invalid input (422), and a name already taken (409)."""

from werkzeug.exceptions import Conflict
from werkzeug.exceptions import UnprocessableEntity


class Invalid(UnprocessableEntity):
    """Input that breaks a rule; `fields` maps each field name to what is wrong with it."""

    def __init__(self, fields):
        super().__init__("Some fields are not valid.")
        self.fields = fields


class Taken(Conflict):
    """A unique value already in use (a username, an email, a membership), field by field."""

    def __init__(self, fields):
        super().__init__(next(iter(fields.values())))
        self.fields = fields
