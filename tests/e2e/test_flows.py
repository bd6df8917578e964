"""The capstone's core flows in a real Chromium: accounts, a project, its board and tasks.

Every step goes through the pages (forms with their CSRF tokens, redirects, cookies),
against `flask run` on loopback; people.py checks each page it lands on for labels,
one h1 and a title.
"""

import re

from e2e.people import accessible
from e2e.people import add_member
from e2e.people import column
from e2e.people import create_project
from e2e.people import create_task
from e2e.people import follow
from e2e.people import log_in
from e2e.people import log_out
from e2e.people import move
from e2e.people import new_user
from e2e.people import register
from e2e.people import unique
from playwright.sync_api import expect


def test_register_log_in_and_out_and_the_back_button_shows_nothing_private(page):
    username = unique("dana")
    register(page, username)
    log_in(page, username)
    expect(page.get_by_role("navigation", name="Main")).to_contain_text(username)
    log_out(page)
    page.go_back()
    # The dashboard was no-store: going back asks the server again, which wants a login.
    expect(page).to_have_url(re.compile(r"/auth/login"))
    expect(page.locator("body")).not_to_contain_text(username)
    page.goto("/dashboard")
    expect(page).to_have_url(re.compile(r"/auth/login\?next="))


def test_a_wrong_password_is_refused_with_a_message(page):
    username = unique("erin")
    register(page, username)
    page.goto("/auth/login")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("Incorrect")
    accessible(page)


def test_a_team_plans_moves_discusses_and_shares_a_file(new_page, tmp_path):
    alice, bob = new_page(), new_page()
    bob_name = new_user(bob, "bob")
    new_user(alice, "alice")
    board = create_project(alice, "Launch")
    add_member(alice, board, bob_name)
    create_task(alice, board, "Write the press release", assignee=bob_name)
    create_task(alice, board, "Book the venue")

    alice.goto(board)
    expect(column(alice, "To do")).to_contain_text("Write the press release")
    move(alice, "Write the press release", "In progress")
    expect(column(alice, "To do")).not_to_contain_text("Write the press release")
    alice.reload()  # the move is stored, not only shown
    expect(column(alice, "In progress")).to_contain_text("Write the press release")

    # Bob, a member, sees the task assigned to him, and discusses it.
    bob.goto(board)
    follow(bob, bob.get_by_role("link", name="Write the press release"), r"/tasks/\d+$")
    accessible(bob)
    expect(bob.locator(".task-facts")).to_contain_text(bob_name)
    bob.get_by_role("textbox", name="Comment").fill("First draft by Friday.")
    bob.get_by_role("button", name="Comment").click()
    expect(bob.get_by_role("status")).to_contain_text("Comment added")
    expect(bob.locator("#comment-list")).to_contain_text("First draft by Friday.")

    # A file goes up, and comes back down byte for byte.
    draft = tmp_path / "draft.txt"
    draft.write_text("We are launching!\n", encoding="utf-8")
    bob.get_by_label(re.compile(r"^Attach a file")).set_input_files(draft)
    bob.get_by_role("button", name="Upload").click()
    expect(bob.locator("#attachment-list")).to_contain_text("draft.txt")
    with bob.expect_download() as download:
        bob.get_by_role("link", name="draft.txt").click()
    saved = tmp_path / "downloaded.txt"
    download.value.save_as(saved)
    assert saved.read_bytes() == draft.read_bytes()
    accessible(bob)


def test_an_outsider_gets_a_404_for_a_project_they_are_not_in(new_page):
    owner, outsider = new_page(), new_page()
    new_user(owner, "owner")
    board = create_project(owner, "Secret plans")
    new_user(outsider, "outsider")
    response = outsider.goto(board)
    assert response.status == 404
    expect(outsider.locator("body")).not_to_contain_text("Secret plans")
