"""The OpenAPI document: valid OpenAPI 3.1, and the API keeps its promises under fuzzing.

Schemathesis reads the document, generates requests for every operation (valid ones
and invalid ones), sends them through WSGI to the app (no server), and checks each
answer: never a server error, and status code, content type and body exactly as
documented. The number of examples is bounded and the run is derandomized, so it is
part of the ordinary suite and gives the same result every time.
"""

import functools
import re

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance
from werkzeug.security import generate_password_hash

from capstone.api.openapi import PATHS
from capstone.services import passwords
from capstone.services import users

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 15


def test_the_document_is_valid_openapi_3_1(client):
    document = client.get("/api/v1/openapi.json").get_json()
    validate(document)
    assert document["openapi"] == "3.1.0"


def test_every_api_route_is_documented(app, client):
    documented = set(client.get("/api/v1/openapi.json").get_json()["paths"])
    routes = {
        re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
        for rule in app.url_map.iter_rules()
        # The API's own blueprint; api_docs (/api/v1/docs) is the page for people.
        if rule.endpoint.startswith("api.") and rule.endpoint != "api.openapi_document"
    }
    assert routes == documented


@functools.cache
def api_schema(app):
    """The document as Schemathesis loads it: once per app (the tests reuse apps)."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)


# Every documented operation, as (path, method): one test each, so a failure names it.
OPERATIONS = [(path, method.upper()) for path, methods in PATHS.items() for method in methods]


@pytest.fixture
def cheap_hashing(monkeypatch):
    """Fast password hashing while fuzzing: the contract is under test, not scrypt's cost.

    test_auth.py checks that real registrations get scrypt hashes.
    """
    cheap = functools.partial(generate_password_hash, method="pbkdf2:sha256:1000")
    monkeypatch.setattr(passwords, "generate_password_hash", cheap)
    monkeypatch.setattr(users, "UNKNOWN_USER_HASH", cheap("an unguessable placeholder"))


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_the_api_keeps_its_promises(app, team, auth, path, method, cheap_hashing):
    # Hypothesis and Schemathesis' strategies directly: its pytest plugin does not
    # support pytest 9 yet, and this keeps each operation a test of its own.
    operation = api_schema(app)[path][method]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case):
        case.call_and_validate(headers=auth(user), checks=CHECKS)

    user = "root" if path.startswith("/admin") else "alice"  # the admin API as an admin

    fuzz()
