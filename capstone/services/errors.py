"""The one error that is not an HTTP status on its own: invalid input, field by field."""

from werkzeug.exceptions import UnprocessableEntity


class Invalid(UnprocessableEntity):
    """Input that breaks a rule; `fields` maps each field name to what is wrong with it."""

    def __init__(self, fields):
        super().__init__("Some fields are not valid.")
        self.fields = fields
