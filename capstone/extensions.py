"""The extension objects, made once without an app; create_app attaches them (init_app)."""

from flask_login import LoginManager
from flask_wtf import CSRFProtect

from capstone.services import users

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to see that page."
login_manager.login_message_category = "info"
# Flask-Login's "strong" protection would also log out on a changed IP; the session
# token in User.get_id() is what ends sessions here (logout, password change).
login_manager.session_protection = "basic"

csrf = CSRFProtect()


@login_manager.user_loader
def load_user(login_id):
    """Find the user for the id in the session: 'user_id:session_token', both must match."""
    user_id, _, token = login_id.partition(":")
    if not user_id.isdigit():
        return None
    user = users.user_by_id(int(user_id))
    if user is None or not token or user.session_token != token or not user.active:
        return None
    return user
