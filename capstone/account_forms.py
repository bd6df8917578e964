"""The account forms, of the auth pages and the profile; Flask-WTF adds the CSRF token to each."""

from wtforms import BooleanField
from wtforms import EmailField
from wtforms import PasswordField
from wtforms import StringField
from wtforms.validators import DataRequired
from wtforms.validators import Email
from wtforms.validators import EqualTo
from wtforms.validators import Length
from wtforms.validators import Regexp

from capstone.forms import Form
from capstone.services.passwords import MIN_PASSWORD_LENGTH

# Long passwords are fine (a passphrase), but bound the work of hashing them.
MAX_PASSWORD_LENGTH = 1024


class RegisterForm(Form):
    """A new account."""

    username = StringField(
        "Username",
        validators=[
            DataRequired(),
            Length(3, 40),
            Regexp(r"^[\w.-]+$", message="Use letters, digits, dots, dashes and underscores."),
        ],
    )
    email = EmailField("Email", validators=[DataRequired(), Email(check_deliverability=False)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)]
    )
    confirm = PasswordField(
        "Repeat the password", validators=[EqualTo("password", "The passwords differ.")]
    )


class LoginForm(Form):
    """Logging in, by username or email."""

    username = StringField("Username or email", validators=[DataRequired(), Length(max=254)])
    password = PasswordField(
        "Password", validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)]
    )
    remember = BooleanField("Keep me logged in")


class PasswordForm(Form):
    """Changing one's password."""

    current_password = PasswordField("Current password", validators=[DataRequired()])
    new_password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)],
    )


class ForgotPasswordForm(Form):
    """Asking for a password-reset link."""

    username = StringField("Username or email", validators=[DataRequired(), Length(max=254)])


class ResetPasswordForm(Form):
    """Choosing a new password from a reset link."""

    password = PasswordField(
        "New password",
        validators=[DataRequired(), Length(MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH)],
    )
    confirm = PasswordField(
        "Repeat the password", validators=[EqualTo("password", "The passwords differ.")]
    )
