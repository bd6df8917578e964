"""The base of every form, and the forms of organizations, projects, tasks and comments.

The account forms are in account_forms.py.
"""

from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms import SelectChoice
from wtforms import SelectField
from wtforms import StringField
from wtforms import TextAreaField
from wtforms.validators import DataRequired
from wtforms.validators import Length
from wtforms.validators import Optional

from capstone.models import ORGANIZATION_ROLES
from capstone.models import PRIORITIES
from capstone.models import STATUSES
from capstone.models import label
from capstone.services.comments import MAX_COMMENT_LENGTH

NUL_IN_FIELD = "The NUL character is not allowed here."


class Form(FlaskForm):
    """A FlaskForm whose text fields refuse the NUL character, naming the field.

    The rest of what was typed comes back, with the NUL shown as U+FFFD, so the person
    sees where it was (security.py keeps a NUL from anywhere else out of the database).
    """

    def validate(self, extra_validators=None):
        """Validate as FlaskForm does; then fail each field whose text holds a NUL."""
        valid = super().validate(extra_validators)
        for field in self:
            if isinstance(field.data, str) and "\x00" in field.data:
                field.data = field.data.replace("\x00", "\ufffd")
                field.errors = [*field.errors, NUL_IN_FIELD]
                valid = False
        return valid


class ProjectForm(Form):
    """Create or edit a project."""

    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    description = TextAreaField("Description", validators=[Length(max=5000)])


class NewProjectForm(ProjectForm):
    """Create a project in one of the organizations I manage (my personal one if not chosen)."""

    # The choices are set by the view; the service checks the organization again.
    organization = SelectField(
        "Organization", coerce=int, validators=[Optional()], validate_choice=False
    )


ROLE_CHOICES = [SelectChoice(role, role.capitalize()) for role in ORGANIZATION_ROLES]


class OrganizationForm(Form):
    """Create or rename an organization."""

    name = StringField("Name", validators=[DataRequired(), Length(max=120)])


class InvitationForm(Form):
    """Invite an address into an organization with a role."""

    email = StringField("Email", validators=[DataRequired(), Length(max=254)])
    role = SelectField("Role", choices=ROLE_CHOICES, default="member")


class RoleForm(Form):
    """Change a member's role in an organization."""

    role = SelectField("Role", choices=ROLE_CHOICES)


class MemberForm(Form):
    """Add a member by username or email."""

    user = StringField("Username or email", validators=[DataRequired(), Length(max=254)])


class TaskForm(Form):
    """Create or edit a task; the assignee choices are the project's members."""

    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    description = TextAreaField("Description", validators=[Length(max=10000)])
    status = SelectField(
        "Status", choices=[SelectChoice(s, label(s)) for s in STATUSES], default="todo"
    )
    priority = SelectField(
        "Priority", choices=[SelectChoice(p, label(p)) for p in PRIORITIES], default="medium"
    )
    due_date = DateField("Due date", validators=[Optional()])
    assignee_id = SelectField("Assignee", coerce=int, default=0)

    def set_members(self, members):
        """Offer the project's members (and nobody) as assignees."""
        self.assignee_id.choices = [SelectChoice(0, "Nobody")] + [
            SelectChoice(m.id, m.username) for m in members
        ]

    def task_fields(self):
        """The validated fields, as the task service takes them."""
        return {
            "title": self.title.data,
            "description": self.description.data,
            "status": self.status.data,
            "priority": self.priority.data,
            "due_date": self.due_date.data,
            "assignee_id": self.assignee_id.data or None,
        }


class CommentForm(Form):
    """A new comment."""

    body = TextAreaField("Comment", validators=[DataRequired(), Length(max=MAX_COMMENT_LENGTH)])
