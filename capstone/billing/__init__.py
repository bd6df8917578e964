"""The `billing` blueprint: an organization's billing page, and Stripe's webhook."""

from flask import Blueprint

bp = Blueprint("billing", __name__, url_prefix="/billing")

from capstone.billing import views  # noqa: E402, F401 (the views register themselves on bp)
from capstone.billing import webhook  # noqa: E402, F401
