"""The operations of the OpenAPI document (openapi.py): each one's answers and its own errors.

An operation says what it uses (a token, a body, ids in the path, a rule such as
"members only"), and the errors it can answer follow from that (USES), so GET /me
does not promise a 409 and a new operation cannot forget its 404.
"""

from capstone.api import outputs
from capstone.api.openapi_parameters import IDEMPOTENCY_KEY
from capstone.api.openapi_parameters import IF_NONE_MATCH
from capstone.api.openapi_parameters import UPLOAD

ERRORS = {
    "400": "A query parameter that makes no sense or is not listed, or a malformed body.",
    "401": "No token, or an invalid, expired or revoked one; for POST /tokens, wrong credentials.",
    "402": "A limit of the organization's plan is reached; `limit` names it.",
    "403": "Visible, but not yours to change.",
    "404": "Not found, or not visible to you.",
    "409": "Already exists, or conflicts with the current state.",
    "413": "Request body too large.",
    "415": "The body is not of the type this operation takes.",
    "422": "A field is not valid; see `fields`.",
    "429": "Too many failed logins, or an invitation sent again too soon; wait and retry.",
    "502": "Stripe could not be reached, or refused the request.",
}
# The errors each thing an operation uses can answer, from the check that raises them.
USES = {
    # Every request: its query is checked (query_parameters.py, security.py) and its
    # body, if any, read within MAX_CONTENT_LENGTH (uploads.py), before the view runs.
    "request": ("400", "413"),
    "token": ("401",),  # auth.token_required
    "ids": ("404",),  # an id in the path: access.*_for, or the service's own lookup
    "json": ("415", "422"),  # inputs.body: not JSON, or against the model
    "upload": ("415", "422"),  # a type that may not be attached, or no file
    "idempotency": ("409", "422"),  # idempotency.py: still running, or used for another
    "members": ("403",),  # members only (access.require_member)
    "owner": ("403",),  # the owner (or creator, author, uploader) only
    "admin": ("403",),  # admin_required
    "conflict": ("409",),  # a unique name, a membership, the last admin
    "state": ("422",),  # not in a state that allows it (not archived, the owner)
    "login": ("401", "429"),  # users.check_login: wrong password, or throttled
    "resend": ("429",),  # invitations.resend: at most once per RESEND_INTERVAL
    "plan": ("402",),  # services/limits.py: the plan's limit is reached
    "managers": ("403",),  # the organization's owners and admins (access.require_manager)
    "stripe": ("409", "502"),  # billing off or nothing to manage; Stripe failed
}
MODELS = {outputs.Error: "serialization"}  # every model the document names, and how


def ref(model, mode):
    """A reference to `model`'s schema, which the document then includes."""
    MODELS[model] = mode
    return {"$ref": f"#/components/schemas/{model.__name__}"}


def op(summary, answer=None, *, status=None, token=True, body=None, params=(), uses=()):
    """One operation: its summary, parameters, body, success answer, and its own errors.

    It answers 200 with `answer`, or 204 without one; a create (it takes the
    Idempotency-Key header) answers 201.
    """
    spec = {"summary": summary, "parameters": list(params)}
    status = status or ("201" if IDEMPOTENCY_KEY in params else "200" if answer else "204")
    uses = ["request", *uses, *(["token"] if token else [])]
    uses += ["ids"] * any(p["in"] == "path" for p in params)
    uses += ["idempotency"] * (IDEMPOTENCY_KEY in params)
    if body is UPLOAD:
        spec["requestBody"], uses = UPLOAD, [*uses, "upload"]
    elif body is not None:
        schema = ref(body, "validation")
        spec["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }
        uses.append("json")
    if answer is None:
        ok = {"description": "Done; no content."}
    elif isinstance(answer, dict):
        ok = answer  # written out, like DOWNLOAD
    else:
        ok = {
            "description": "OK",
            "content": {"application/json": {"schema": ref(answer, "serialization")}},
        }
    errors = sorted({code for use in uses for code in USES[use]})
    refs = {code: {"$ref": f"#/components/responses/{code}"} for code in errors}
    spec["responses"] = {status: ok, **refs}
    if IF_NONE_MATCH in params:  # a conditional GET (conditional.py)
        ok["headers"] = {"ETag": {"schema": {"type": "string"}, "description": "Its validator."}}
        spec["responses"]["304"] = {"description": "Not modified: the ETag sent is current."}
    spec["security"] = [{"bearer": []}] if token else []
    return spec
