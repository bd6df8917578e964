"""The JSON API, version 1, at /api/v1: the same services as the web pages, with token auth.

Clients get a token from POST /api/v1/tokens and send it as `Authorization: Bearer ...`.
Everything under /api answers JSON, errors included; /api/v1/openapi.json describes it all.
"""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from capstone.api import accounts  # noqa: E402, F401 (the views register themselves on bp)
from capstone.api import admin  # noqa: E402, F401
from capstone.api import attachments  # noqa: E402, F401
from capstone.api import billing  # noqa: E402, F401
from capstone.api import invitations  # noqa: E402, F401
from capstone.api import notifications  # noqa: E402, F401
from capstone.api import openapi  # noqa: E402, F401
from capstone.api import organizations  # noqa: E402, F401
from capstone.api import projects  # noqa: E402, F401
from capstone.api import query_parameters  # noqa: E402, F401
from capstone.api import tasks  # noqa: E402, F401
