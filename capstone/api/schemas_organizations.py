"""What clients may send to the organization endpoints, as input models (see schemas.py)."""

from typing import Annotated
from typing import Literal

from pydantic import EmailStr
from pydantic import Field

from capstone.api.schemas import NOT_BLANK
from capstone.api.schemas import Input
from capstone.models import ORGANIZATION_ROLES

# The length services/organizations.clean_name checks, as the database column holds.
OrganizationName = Annotated[str, Field(min_length=1, max_length=120, pattern=NOT_BLANK)]
OrganizationRole = Literal[ORGANIZATION_ROLES]


class OrganizationIn(Input):
    """POST /organizations, and PATCH /organizations/<id> (a rename)."""

    name: OrganizationName


class OrganizationRoleIn(Input):
    """PATCH /organizations/<id>/members/<user_id>: the member's new role."""

    role: OrganizationRole


class InvitationIn(Input):
    """POST /organizations/<id>/invitations: the address to invite, and the role it will have."""

    email: Annotated[EmailStr, Field(max_length=254)]
    role: OrganizationRole = "member"


class AcceptIn(Input):
    """POST /invitations/accept: the token of the invitation's link (the last part of its URL)."""

    token: Annotated[str, Field(min_length=1, max_length=1000)]
