"""BasicAuth: 401 with a challenge for anything but the right credentials, never a 500."""

import base64

import pytest
from harness.pep3333 import Chunks
from harness.pep3333 import StrictServer
from harness.pep3333 import app_returning
from harness.pep3333 import make_environ

import wsgi_middleware.basic_auth as basic_auth
from wsgi_middleware import BasicAuth
from wsgi_middleware.basic_auth import parse_basic


def basic(text, encoding="utf-8"):
    """An Authorization header value for 'user:password' text."""
    return "Basic " + base64.b64encode(text.encode(encoding)).decode("ascii")


def request(path="/secret", authorization=None, credentials=("alice", "pässword 1")):
    """Send one request through BasicAuth; return (server, environ seen by the app or None)."""
    seen = []

    def app(environ, start_response):
        seen.append(environ)
        return app_returning(Chunks())(environ, start_response)

    headers = [("Authorization", authorization)] if authorization is not None else []
    server = StrictServer(BasicAuth(app, protected=("/secret",), credentials=credentials))
    server.run(make_environ(path, headers=headers))
    return server, (seen[0] if seen else None)


@pytest.mark.hint(
    "'Basic ' + base64 of 'user:password'; split at the first colon; anything malformed: None"
)
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (basic("alice:pw"), ("alice", "pw")),
        ("basic " + basic("alice:pw")[6:], ("alice", "pw")),
        (basic("alice:"), ("alice", "")),
        (basic(":pw"), ("", "pw")),
        (basic("alice"), None),
        ("Basic  " + basic("a:b")[6:] + "  ", ("a", "b")),
        ("Digest username=alice", None),
    ],
)
def test_parse_basic_splits_at_the_first_colon_or_refuses(header, expected):
    assert parse_basic(header) == expected


@pytest.mark.hint("on success set environ['REMOTE_USER'] to the user, then call the app")
def test_the_right_credentials_reach_the_app_as_remote_user():
    server, environ = request(authorization=basic("alice:pässword 1"))
    assert server.status == "200 OK"
    assert environ["REMOTE_USER"] == "alice"


@pytest.mark.hint("str.partition(':') splits at the first colon only")
def test_a_password_may_contain_colons():
    server, _ = request(authorization=basic("alice:a:b"), credentials=("alice", "a:b"))
    assert server.status == "200 OK"


@pytest.mark.hint(
    "missing or wrong credentials: answer with the challenge (a 401), never calling the app"
)
@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Basic",
        "Basic ",
        "Bearer abc",
        "Basic !!!not-base64!!!",
        "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(),
        basic("alice-without-a-colon"),
        basic("alice:wrong"),
        basic("mallory:pässword 1"),
        basic("alice:pässword 1", encoding="latin-1"),
        "Basic Zm9v\u00e9",
    ],
    ids=[
        "missing",
        "empty",
        "scheme-only",
        "blank-token",
        "other-scheme",
        "not-base64",
        "not-utf8",
        "no-colon",
        "wrong-password",
        "wrong-user",
        "latin1-encoded",
        "non-ascii",
    ],
)
def test_anything_else_gets_401_with_a_challenge_and_never_reaches_the_app(authorization):
    server, environ = request(authorization=authorization)
    assert server.status == "401 Unauthorized"
    assert server.header("WWW-Authenticate").startswith('Basic realm="')
    assert environ is None


@pytest.mark.hint(
    "only '/secret' and the paths below it ('/secret/...') are protected, not '/secretary': "
    "every other path goes to the app directly"
)
@pytest.mark.parametrize("path", ["/", "/secretary", "/hello/secret"])
def test_other_paths_pass_without_credentials(path):
    server, environ = request(path)
    assert server.status == "200 OK"
    assert "REMOTE_USER" not in environ


@pytest.mark.hint("protect '/secret' and '/secret/...', but not '/secretary'")
@pytest.mark.parametrize("path", ["/secret", "/secret/", "/secret/deeper"])
def test_the_protected_path_and_everything_below_it_need_credentials(path):
    assert request(path)[0].status == "401 Unauthorized"


@pytest.mark.hint(
    "call hmac.compare_digest for the user and for the password, both, before combining"
)
def test_both_fields_are_compared_in_constant_time_even_when_the_user_is_wrong(monkeypatch):
    compared = []

    def spy(a, b):
        compared.append((a, b))
        return a == b

    monkeypatch.setattr(basic_auth.hmac, "compare_digest", spy)
    request(authorization=basic("mallory:pässword 1"))
    assert len(compared) == 2, "stopping at the wrong user tells an attacker which users exist"


@pytest.mark.hint(
    "credentials_from_env reads BASIC_AUTH_USER and BASIC_AUTH_PASSWORD, with the defaults"
)
def test_credentials_come_from_the_environment_with_a_documented_default():
    assert basic_auth.credentials_from_env({}) == ("learner", "wsgi-is-fun")
    env = {"BASIC_AUTH_USER": "ops", "BASIC_AUTH_PASSWORD": "s3cret"}
    assert basic_auth.credentials_from_env(env) == ("ops", "s3cret")
