"""User accounts, and the one way usernames and emails are compared: `name_key`."""

import secrets
import unicodedata
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import CheckConstraint
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import validates

from capstone.models.base import Base
from capstone.models.base import UTCDateTime
from capstone.models.base import utcnow

ROLES = ("admin", "member")


def name_key(text):
    """`text` as names are compared: "Élise", "ÉLISE" and "élise" (either Unicode form) agree.

    NFKC, then Unicode case folding (ß and SS agree; Turkish dotless ı stays apart from i).
    Done in Python and stored, because the databases disagree: SQLite's lower() folds
    ASCII only, PostgreSQL's follows the server's locale.
    """
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def new_session_token():
    """A random token; changing it logs the user out of every session."""
    return secrets.token_urlsafe(24)


class User(UserMixin, Base):
    """A person who can log in; `role` is 'admin' or 'member'."""

    __tablename__ = "user"
    __table_args__ = (CheckConstraint(f"role IN {ROLES}", name="role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    # name_key() of each, set with them: the database holds one account per name and
    # per address, whatever their case, even when two registrations race. (Unique
    # indexes rather than constraints: SQLite adds those without rebuilding the table.)
    username_key: Mapped[str] = mapped_column(String(), unique=True, index=True)
    email_key: Mapped[str] = mapped_column(String(), unique=True, index=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="member")
    active: Mapped[bool] = mapped_column(default=True)
    # Part of the login cookie's user id: a new token ends every earlier session.
    session_token: Mapped[str] = mapped_column(String(64), default=new_session_token)
    # Set when the user opens the link of the verification email.
    email_verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    @validates("username", "email")
    def keep_key(self, field, value):
        """Set username_key or email_key along with the name or address."""
        setattr(self, f"{field}_key", name_key(value))
        return value

    @property
    def is_active(self):
        """Flask-Login refuses to log in, or keep logged in, an inactive user."""
        return self.active

    @property
    def is_admin(self):
        """True for administrators, who can see every project."""
        return self.role == "admin"

    def get_id(self):
        """The id Flask-Login keeps in the session: the user id and the session token."""
        return f"{self.id}:{self.session_token}"

    def end_all_sessions(self):
        """Make every existing login cookie of this user worthless (logout, password change)."""
        self.session_token = new_session_token()

    def __repr__(self):
        return f"<User {self.username}>"
