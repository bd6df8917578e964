"""Two people at once: a change seen live by a member, and an administrator's decision.

Each person is a browser context of their own (their own cookies), as two people on
two computers would be; the live update goes over a real WebSocket.
"""

import re

from e2e.environment import ADMIN
from e2e.people import accessible
from e2e.people import add_member
from e2e.people import column
from e2e.people import create_project
from e2e.people import create_task
from e2e.people import follow
from e2e.people import log_in
from e2e.people import move
from e2e.people import new_user
from playwright.sync_api import expect


def test_a_member_sees_a_task_move_without_reloading(new_page):
    alice, bob = new_page(), new_page()
    bob_name = new_user(bob, "bob")
    alice_name = new_user(alice, "alice")
    board = create_project(alice, "Live")
    add_member(alice, board, bob_name)
    create_task(alice, board, "Ship it")
    alice.goto(board)
    bob.goto(board)
    # live.js marks its notice area once the server let it follow the project.
    expect(bob.locator("#live-notices")).to_have_attribute("data-state", "joined")
    expect(column(bob, "To do")).to_contain_text("Ship it")
    bob.evaluate("window.notReloaded = true")

    move(alice, "Ship it", "Done")

    expect(column(bob, "Done")).to_contain_text("Ship it")
    expect(column(bob, "To do")).not_to_contain_text("Ship it")
    expect(bob.locator("#live-notices")).to_contain_text(f"{alice_name} completed")
    assert bob.evaluate("window.notReloaded") is True  # the same page, updated in place


def test_an_admin_deactivates_a_user_who_is_logged_out_at_once(new_page):
    user, admin = new_page(), new_page()
    username = new_user(user, "frank")
    log_in(admin, ADMIN)
    main = admin.get_by_role("navigation", name="Main")
    follow(admin, main.get_by_role("link", name="Admin"), r"/admin/$")
    accessible(admin)
    follow(admin, admin.get_by_role("link", name="Users"), r"/admin/users$")
    admin.get_by_label("Name or email contains").fill(username)
    follow(admin, admin.get_by_role("button", name="Search"), r"/admin/users\?q=")
    accessible(admin)
    admin.get_by_role("button", name=f"Deactivate {username}").click()
    row = admin.get_by_role("row").filter(has_text=username)
    expect(row).to_contain_text("Deactivated")

    user.reload()  # their next request: the session no longer counts
    expect(user).to_have_url(re.compile(r"/auth/login"))
    user.get_by_label("Username or email").fill(username)
    user.get_by_label("Password").fill("browser-test-password")
    user.get_by_role("button", name="Log in").click()
    # And they cannot come back: the form answers with its error, still logged out.
    expect(user.get_by_role("alert")).to_be_visible()
    expect(user).to_have_url(re.compile(r"/auth/login"))
    expect(user.get_by_role("navigation", name="Main")).not_to_contain_text(username)
