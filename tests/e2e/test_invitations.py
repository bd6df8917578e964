"""In two browsers: an owner invites someone to an organization, who accepts from the email's link.

The owner and the invited person each have their own browser context (cookies), as two
people on two machines would. The link is read from the server's log, where the
capstone writes the emails it would send when no mail server is set (the embedded
mode); nothing is looked up in the database.
"""

import re

from e2e.people import accessible
from e2e.people import follow
from e2e.people import new_user
from playwright.sync_api import expect

LINK = r"https?://[^/\s]+(/organizations/invitations/\S+)"


def invitation_path(server, email):
    """The path of the link in the invitation email to `email`, once the server logged it."""
    server.wait_for(f"To: {re.escape(email)}$")
    mail = server.output().split(f"To: {email}\n", 1)[1]
    return re.search(LINK, mail).group(1)


def test_an_invitation_is_accepted_in_another_browser(new_page, server):
    owner, invited = new_page(), new_page()
    guest = new_user(invited, "guest")
    new_user(owner, "founder")
    owner.goto("/organizations/new")
    accessible(owner)
    owner.get_by_label("Name").fill(f"Team of {guest}")
    owner.get_by_role("button", name="Create the organization").click()
    expect(owner.get_by_role("heading", level=1)).to_have_text(f"Team of {guest}")
    owner.get_by_label("Email").fill(f"{guest}@example.org")
    owner.get_by_label("Role", exact=True).select_option(label="Admin")
    owner.get_by_role("button", name="Send the invitation").click()
    expect(owner.get_by_role("status")).to_contain_text(f"Invitation sent to {guest}@example.org")
    accessible(owner)

    invited.goto(invitation_path(server, f"{guest}@example.org"))
    expect(invited.get_by_role("heading", level=1)).to_have_text(f"Join Team of {guest}")
    accessible(invited)
    follow(invited, invited.get_by_role("button", name=f"Accept and join Team of {guest}"),
           r"/organizations/\d+$")  # fmt: skip
    expect(invited.get_by_role("status")).to_contain_text(f"You joined Team of {guest} as admin.")
    accessible(invited)

    owner.reload()  # the owner sees the new member, and no open invitation any more
    expect(owner.get_by_label(f"Role of {guest}")).to_have_value("admin")
    expect(owner.get_by_text("No open invitations.")).to_be_visible()
    # The link works once: opened again, it says so.
    invited.goto(invitation_path(server, f"{guest}@example.org"))
    expect(invited.get_by_text("This invitation has already been accepted.")).to_be_visible()
