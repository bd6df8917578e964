"""The rule for new passwords, in one place for registration, changes and resets."""

from werkzeug.security import generate_password_hash

from capstone.services.errors import Invalid

MIN_PASSWORD_LENGTH = 8


def hash_new_password(password, field="password"):
    """The hash of a new password; Invalid (on `field`) if it breaks the rule."""
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise Invalid({field: f"A password has at least {MIN_PASSWORD_LENGTH} characters."})
    return generate_password_hash(password)
