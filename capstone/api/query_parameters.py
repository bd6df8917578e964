"""Unknown query parameters are a 400 that names them: a typo such as sort_by= is not ignored.

The parameters an operation takes are the ones its entry in the OpenAPI document lists
(openapi.py), so the check and the document cannot disagree. Checked before the token,
like the ids in the path, since neither depends on who asks.
"""

import re

from flask import request

from capstone.api import bp
from capstone.api.inputs import BadQuery
from capstone.api.openapi import PATHS

TAKES = {
    (path, method.upper()): {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    for path, item in PATHS.items()
    for method, operation in item.items()
}
PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")  # <converter:name> or <name>
UNKNOWN = "This request takes no such parameter; the API's documentation lists those it takes."


def document_path(rule):
    """The document's path for a URL rule: /tasks/<id:task_id> is /tasks/{task_id}."""
    return PLACEHOLDER.sub(r"{\1}", rule)


@bp.before_request
def refuse_unknown_query_parameters():
    """A 400 naming every query parameter the matched operation does not take."""
    if request.url_rule is None:
        return  # no route: the 404 or 405 answers
    path = document_path(request.url_rule.rule.removeprefix(bp.url_prefix))
    method = "GET" if request.method == "HEAD" else request.method
    takes = TAKES.get((path, method))
    unknown = sorted(set(request.args) - takes) if takes is not None else []
    if unknown:
        raise BadQuery(dict.fromkeys(unknown, UNKNOWN))
