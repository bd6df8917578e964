"""Accounts over the API: register, tokens, who am I, and password resets."""

from flask import current_app
from flask import g

from capstone.api import bp
from capstone.api import outputs
from capstone.api.auth import issue_token
from capstone.api.auth import refuse
from capstone.api.auth import token_required
from capstone.api.inputs import body
from capstone.api.schemas import RegisterIn
from capstone.api.schemas import ResetConfirmIn
from capstone.api.schemas import ResetIn
from capstone.api.schemas import TokenIn
from capstone.api.serialize import dump
from capstone.api.serialize import user_json
from capstone.http import client_address
from capstone.services import account_links
from capstone.services import users
from capstone.services.account_links import BadLink
from capstone.services.errors import Invalid


@bp.route("/users", methods=["POST"])
def register():
    """Create an account (202); a username in use is a 409, an address in use is not told."""
    data = body(RegisterIn)
    users.register(data["username"], data["email"], data["password"])
    return dump(outputs.Message, {"message": users.REGISTERED}), 202


@bp.route("/tokens", methods=["POST"])
def create_token():
    """Trade a username (or email) and password for a bearer token; wrong ones are a 401."""
    data = body(TokenIn)
    user = users.check_login(data["username"], data["password"], client_address())
    if user is None:
        raise refuse("Incorrect username or password.")
    token = dump(
        outputs.Token,
        {
            "access_token": issue_token(user),
            "token_type": "Bearer",
            "expires_in": current_app.config["API_TOKEN_SECONDS"],
        },
    )
    return token, {"Cache-Control": "no-store"}  # RFC 6749, 5.1: no cache keeps a token


@bp.route("/tokens", methods=["DELETE"])
@token_required
def revoke_tokens():
    """Revoke every token (and web session) of the caller."""
    users.end_sessions(g.api_user)
    return "", 204


@bp.route("/me")
@token_required
def me():
    """The caller's own account."""
    return user_json(g.api_user, private=True)


@bp.route("/password-reset", methods=["POST"])
def request_password_reset():
    """Email a reset link (202); the answer is the same whether or not the account exists."""
    account_links.request_password_reset(users.find_user(body(ResetIn)["username"]))
    sent = "If an account has that name or address, we sent it a link."
    return dump(outputs.Message, {"message": sent}), 202


@bp.route("/password-reset/confirm", methods=["POST"])
def confirm_password_reset():
    """Set a new password with the emailed token (204); every token and session ends."""
    data = body(ResetConfirmIn)
    try:
        account_links.reset_password(data["token"], data["password"])
    except BadLink as problem:
        raise Invalid({"token": str(problem)}) from None
    return "", 204
