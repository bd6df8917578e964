"""The `auth` blueprint: register, log in, log out, verify an address, reset a password."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from capstone.auth import recovery  # noqa: E402, F401 (the views register themselves on bp)
from capstone.auth import views  # noqa: E402, F401
