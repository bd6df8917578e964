"""A minimal defence against cross-site request forgery for the site's account forms.

Another site can make a visitor's browser POST to this one, cookies included, but it
cannot read this site's pages, so it cannot know a random token that each of our
forms carries in a hidden field and the session also holds. A POST without the
matching token is refused. The capstone uses Flask-WTF's CSRFProtect, which does the
same for every form.
"""

import hmac
import secrets

from flask import abort
from flask import request
from flask import session


def token():
    """Return this session's token, creating it on first use; templates call csrf_token()."""
    if "csrf_token" not in session:
        session["csrf_token"] = secrets.token_urlsafe(32)
    return session["csrf_token"]


def check():
    """Abort with 400 unless a POST carries this session's token."""
    if request.method != "POST":
        return
    sent = request.form.get("csrf_token", "").encode()
    expected = session.get("csrf_token", "").encode()
    if not expected or not hmac.compare_digest(sent, expected):
        abort(400, "This form has expired or did not come from this site. Reload it and try again.")


def init_app(app):
    """Make csrf_token() available in every template."""
    app.jinja_env.globals["csrf_token"] = token
