"""Every way a token can be wrong gets a 401, never a 500 and never access."""

import base64
import json
import warnings
from datetime import UTC
from datetime import datetime
from datetime import timedelta

import jwt
import pytest

from capstone.api import auth
from capstone.database import db
from capstone.models import User


@pytest.fixture
def alice(app, build):
    """Alice's user id, session token, and the app's signing key."""
    user_id = build.user("alice")
    with app.app_context():
        session_token = db.session.get(User, user_id).session_token
    return {"id": user_id, "sid": session_token, "key": app.config["SECRET_KEY"]}


def claims(alice, **changes):
    """Valid claims for alice, with `changes` applied (None removes a claim)."""
    now = datetime.now(UTC)
    base = {
        "sub": str(alice["id"]),
        "sid": alice["sid"],
        "iat": now,
        "exp": now + timedelta(hours=1),
    }
    base.update(changes)
    return {k: v for k, v in base.items() if v is not None}


def b64(data):
    """Unpadded base64url of JSON."""
    return base64.urlsafe_b64encode(json.dumps(data, default=str).encode()).rstrip(b"=").decode()


def test_a_good_token_works(client, alice):
    token = jwt.encode(claims(alice), alice["key"], algorithm="HS256")
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 200


def forged_hs512(payload, key):
    """A token signed with HS512 and the right key: only the algorithm is wrong."""
    with warnings.catch_warnings():
        # PyJWT warns that the key is short for HS512; the app itself only uses HS256.
        warnings.simplefilter("ignore", jwt.warnings.InsecureKeyLengthWarning)
        return jwt.encode(payload, key, algorithm="HS512")


def bad_tokens(alice):
    """(name, Authorization header value) for every kind of bad token."""
    good = jwt.encode(claims(alice), alice["key"], algorithm="HS256")
    header, payload, signature = good.split(".")
    unsigned = b64({"alg": "none", "typ": "JWT"}) + "." + payload + "."
    tampered_payload = b64({**claims(alice), "sub": "999", "iat": 1, "exp": 4102444800})
    return [
        ("missing", None),
        ("empty", "Bearer "),
        ("other-scheme", f"Basic {good}"),
        ("garbage", "Bearer not.a.token"),
        ("alg-none", f"Bearer {unsigned}"),
        ("other-algorithm", "Bearer " + forged_hs512(claims(alice), alice["key"])),
        (
            "wrong-key",
            "Bearer "
            + jwt.encode(claims(alice), "another-key-of-sufficient-length!!", algorithm="HS256"),
        ),
        ("tampered", f"Bearer {header}.{tampered_payload}.{signature}"),
        (
            "expired",
            "Bearer "
            + jwt.encode(
                claims(alice, exp=datetime.now(UTC) - timedelta(seconds=1)),
                alice["key"],
                algorithm="HS256",
            ),
        ),
        (
            "no-exp",
            "Bearer " + jwt.encode(claims(alice, exp=None), alice["key"], algorithm="HS256"),
        ),
        (
            "no-iat",
            "Bearer " + jwt.encode(claims(alice, iat=None), alice["key"], algorithm="HS256"),
        ),
        (
            "no-sub",
            "Bearer " + jwt.encode(claims(alice, sub=None), alice["key"], algorithm="HS256"),
        ),
        (
            "unknown-user",
            "Bearer " + jwt.encode(claims(alice, sub="999"), alice["key"], algorithm="HS256"),
        ),
        (
            "huge-sub",
            "Bearer " + jwt.encode(claims(alice, sub="9" * 40), alice["key"], algorithm="HS256"),
        ),
        (
            "sub-past-integer",
            "Bearer " + jwt.encode(claims(alice, sub=str(2**31)), alice["key"], algorithm="HS256"),
        ),
        (
            "revoked",
            "Bearer "
            + jwt.encode(
                claims(alice, sid="an-old-session-token"), alice["key"], algorithm="HS256"
            ),
        ),
    ]


NAMES = [
    "missing",
    "empty",
    "other-scheme",
    "garbage",
    "alg-none",
    "other-algorithm",
    "wrong-key",
    "tampered",
    "expired",
    "no-exp",
    "no-iat",
    "no-sub",
    "unknown-user",
    "huge-sub",
    "sub-past-integer",
    "revoked",
]


# What each refusal says (RFC 6750): no token is a plain challenge; a refused token names
# the error and why, so that a client knows to log in again rather than retry.
NO_TOKEN = ("missing", "empty", "other-scheme")
EXPIRED = ("expired",)
REVOKED = ("revoked",)


@pytest.mark.parametrize("name", NAMES)
def test_a_bad_token_is_a_401_that_says_why(client, alice, name):
    value = dict(bad_tokens(alice))[name]
    headers = {"Authorization": value} if value is not None else {}
    response = client.get("/api/v1/me", headers=headers)
    assert response.status_code == 401
    assert response.mimetype == "application/json"
    challenge, message = response.headers["WWW-Authenticate"], response.get_json()["message"]
    if name in NO_TOKEN:
        assert challenge == "Bearer"
        return
    reason = auth.EXPIRED if name in EXPIRED else auth.REVOKED if name in REVOKED else auth.INVALID
    assert challenge == f'Bearer error="invalid_token", error_description="{reason}"'
    assert message == reason
