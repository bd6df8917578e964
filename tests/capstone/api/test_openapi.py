"""The OpenAPI document: valid OpenAPI 3.1, and the API keeps its promises under fuzzing.

Schemathesis reads the document, generates requests for every operation, sends them
through WSGI to the app (no server), and checks each answer: never a server error, and
status code, content type and body exactly as documented. Each operation lists only
the errors it can answer, so an undocumented status is a failure, not noise. Random
ids in the path find nothing (404), so the requests also go to things that exist
(real_ids), with valid and with invalid (negative) parameters and bodies, as the owner
and as a member who is not (as an admin and not, for the admin API), and every
operation must answer its success at least once: else its answer's schema would go
unchecked. The number of examples is bounded and the run is derandomized, so it is
part of the ordinary suite and gives the same result every time.
"""

import functools
import io
from datetime import timedelta

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import example
from hypothesis import find
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance
from schemathesis.specs.openapi.checks import response_schema_conformance
from schemathesis.specs.openapi.checks import status_code_conformance
from werkzeug.datastructures import FileStorage
from werkzeug.security import generate_password_hash
from werkzeug.test import Client
from werkzeug.test import encode_multipart

from capstone.api.openapi import PATHS
from capstone.api.query_parameters import document_path
from capstone.database import db
from capstone.models import Invitation
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
        document_path(rule.rule.removeprefix("/api/v1"))
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


class BufferedClient(Client):
    """A test client that reads each answer whole and closes it.

    Schemathesis' own leaves a download's file open (a ResourceWarning, so an error here).
    """

    def open(self, *args, **kwargs):
        """Send the request; the answer comes back read and closed."""
        return super().open(*args, buffered=True, **kwargs)


@pytest.fixture
def real_ids(app, client, build, team, auth):
    """An id that exists for every id in a path: bob's comment, alice's notification of it..."""
    task = f"/api/v1/tasks/{team['task']}"
    comment = client.post(f"{task}/comments", json={"body": "Hi"}, headers=auth("bob")).get_json()
    [notification] = client.get("/api/v1/notifications", headers=auth("alice")).get_json()[
        "notifications"
    ]
    boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(b"notes"), "notes.txt")})
    attachment = client.post(
        f"{task}/attachments",
        data=body,
        headers=auth("alice"),
        content_type=f"multipart/form-data; boundary={boundary}",
    ).get_json()
    # A team organization (a personal one cannot be renamed), alice its owner, bob a member.
    organization = build.organization(team["alice"], members=[team["bob"]])
    invited = client.post(
        f"/api/v1/organizations/{organization}/invitations",
        json={"email": "erin@example.org"},
        headers=auth("alice"),
    ).get_json()
    with app.app_context():  # sent an hour ago: it may be sent again
        invitation = db.session.get(Invitation, invited["id"])
        invitation.last_sent_at -= timedelta(hours=1)
        db.session.commit()
    return {
        "project_id": team["project"],
        "invitation_id": invited["id"],
        "organization_id": organization,
        "task_id": team["task"],
        "user_id": team["bob"],
        "comment_id": comment["id"],
        "notification_id": notification["id"],
        "attachment_id": attachment["id"],
        "plan_name": "pro",  # the plan there is to pay for
    }


def on_real_ids(operation, real_ids):
    """The operation's path parameters, set to the things that exist."""
    return {parameter.name: real_ids[parameter.name] for parameter in operation.path_parameters}


def simplest(operation, real_ids):
    """The simplest valid request on the things that exist: Hypothesis' smallest case.

    Run first, as an explicit example: whether the random cases reach the success
    depends on luck, and Hypothesis also draws strings from the modules imported so
    far (a different set in the whole suite than in this file alone).
    """
    valid = operation.as_strategy(path_parameters=on_real_ids(operation, real_ids))
    return find(valid, lambda case: True, settings=settings(database=None, derandomize=True))


def strategies(operation, real_ids):
    """Cases with any ids (mostly 404s), and valid and invalid ones on the things that exist."""
    real = on_real_ids(operation, real_ids)
    return st.one_of(
        operation.as_strategy(),
        operation.as_strategy(path_parameters=real),
        operation.as_strategy(GenerationMode.NEGATIVE, path_parameters=real),
    )


# Operations whose success the fuzzing cannot reach, and why; every other one must
# answer its success status at least once, or the answers' schemas go unchecked.
UNREACHED = {
    ("/tokens", "POST"): "a random password is never alice's",
    ("/password-reset/confirm", "POST"): "a random token is never one the server signed",
    ("/projects/{project_id}/members", "POST"): "a random user id is never a user's",
    ("/tasks/{task_id}/restore", "POST"): "the team's task is not archived",
    ("/invitations/accept", "POST"): "a random token is never one the server signed",
    # Billing is off here (no STRIPE_SECRET_KEY): both answer 409; tests/capstone/billing
    # runs them against a stand-in for Stripe.
    ("/organizations/{organization_id}/billing/checkout/{plan_name}", "POST"): "billing is off",
    ("/organizations/{organization_id}/billing/portal", "POST"): "billing is off",
}


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_the_api_keeps_its_promises(app, real_ids, auth, path, method, cheap_hashing):
    # Hypothesis and Schemathesis' strategies directly: its pytest plugin does not
    # support pytest 9 yet, and this keeps each operation a test of its own.
    operation = api_schema(app)[path][method]
    client, answered = BufferedClient(app), set()

    # The admin API as an admin and as a member, the rest as the project's owner and as
    # a member who is not its owner: each refusal (403) must be one the document lists.
    users = ["root", "alice"] if path.startswith("/admin") else ["alice", "bob"]

    @given(case=strategies(operation, real_ids), user=st.sampled_from(users))
    @example(case=simplest(operation, real_ids), user=users[0])
    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def fuzz(case, user):
        response = case.call_and_validate(session=client, headers=auth(user), checks=CHECKS)
        answered.add(response.status_code)

    fuzz()
    success = int(next(code for code in operation.definition.raw["responses"] if code < "300"))
    assert success in answered or (path, method) in UNREACHED, sorted(answered)
