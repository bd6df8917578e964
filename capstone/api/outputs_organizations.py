"""What the organization endpoints (api/organizations.py) send back, as output models.

See outputs.py for the rules every output model follows.
"""

from capstone.api.outputs import Output
from capstone.api.outputs import Timestamp
from capstone.api.outputs import listing
from capstone.api.schemas_organizations import OrganizationRole


class Organization(Output):
    """An organization, with the caller's role in it (None for a site admin outside it)."""

    id: int
    name: str
    personal: bool
    role: OrganizationRole | None
    created_at: Timestamp


class OrganizationMember(Output):
    """A member of an organization and their role there."""

    user_id: int
    username: str
    role: OrganizationRole


class Invitation(Output):
    """An open invitation: who is invited, with which role, and until when its link works."""

    id: int
    organization_id: int
    email: str
    role: OrganizationRole
    created_at: Timestamp
    last_sent_at: Timestamp
    expires_at: Timestamp


OrganizationList = listing("OrganizationList", "organizations", Organization)
OrganizationMemberList = listing("OrganizationMemberList", "members", OrganizationMember)
InvitationList = listing("InvitationList", "invitations", Invitation)
