"""Basic accessibility: every page labelled and titled, the core flow done by keyboard alone.

The checks in people.accessible (one h1, a title, a label for every control, a name
for every button and link) run here over every page of the capstone, as a member and
as an administrator. Then a person who cannot use a mouse logs in, creates a project
and a task, moves it on the board and comments, with Tab, typing and Enter only.
"""

import re
from datetime import date
from datetime import timedelta

import pytest
from e2e.environment import ADMIN
from e2e.people import accessible
from e2e.people import column
from e2e.people import create_project
from e2e.people import create_task
from e2e.people import log_in
from e2e.people import new_user
from e2e.people import register
from e2e.people import tab_to
from e2e.people import unique
from playwright.sync_api import expect

ANONYMOUS_PAGES = {"/": 200, "/auth/login": 200, "/auth/register": 200, "/nope": 404}
ADMIN_PAGES = ["/admin/", "/admin/users", "/admin/projects", "/admin/audit"]


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_public_pages(page, path):
    assert page.goto(path).status == ANONYMOUS_PAGES[path]
    accessible(page)


def test_every_page_of_a_member(page, tmp_path):
    new_user(page, "gina")
    board = create_project(page, "Checked")
    create_task(page, board, "Look at every page")
    task = page.url
    # A 200-character name in one word: it must wrap, not widen the task page (fits()).
    long_name = tmp_path / ("n" * 196 + ".txt")
    long_name.write_text("seventeen bytes.\n", encoding="utf-8")
    page.get_by_label(re.compile(r"^Attach a file")).set_input_files(long_name)
    page.get_by_role("button", name="Upload").click()
    expect(page.locator("#attachment-list")).to_contain_text("17 bytes")
    # A due date two days ago: the pages show the date (never split over two lines) and say
    # Overdue in words.
    page.goto(f"{task}/edit")
    page.get_by_label("Due date").fill((date.today() - timedelta(days=2)).isoformat())
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".task-facts")).to_contain_text("(overdue)")
    member_pages = ["/dashboard", "/projects/", "/projects/new", "/notifications", "/profile"]
    project_pages = [board, f"{board}/tasks", f"{board}/tasks/new", f"{board}/members"]
    for path in [*member_pages, *project_pages, task, f"{task}/edit"]:
        response = page.goto(path)
        assert response.status == 200, path
        accessible(page)


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_every_page_of_an_administrator(page, path):
    log_in(page, ADMIN)
    assert page.goto(path).status == 200
    accessible(page)


def test_the_core_flow_with_the_keyboard_alone(page):
    username = unique("hana")
    register(page, username)
    page.goto("/auth/login")
    # The username field has the focus on arrival (autofocus): no Tab needed.
    expect(page.get_by_label("Username or email")).to_be_focused()
    page.keyboard.type(username)
    tab_to(page, page.get_by_label("Password"))
    page.keyboard.type("browser-test-password")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/dashboard$"))

    tab_to(page, page.get_by_role("link", name="Projects", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("link", name="New project"))
    page.keyboard.press("Enter")
    expect(page.get_by_label("Name")).to_be_focused()
    page.keyboard.type("Typed")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Typed")

    tab_to(page, page.get_by_role("link", name="New task"))
    page.keyboard.press("Enter")
    expect(page.get_by_label("Title")).to_be_focused()
    page.keyboard.type("No mouse needed")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("Task created")

    tab_to(page, page.get_by_role("link", name="Typed"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_label('Move "No mouse needed" to'))
    page.keyboard.type("Review")  # a closed select picks the option typed
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the Move button
    expect(column(page, "Review")).to_contain_text("No mouse needed")

    tab_to(page, page.get_by_role("link", name="No mouse needed"))
    page.keyboard.press("Enter")
    tab_to(page, page.get_by_role("textbox", name="Comment"))
    page.keyboard.type("Done with the keyboard.")
    tab_to(page, page.get_by_role("button", name="Comment"))
    page.keyboard.press("Enter")
    expect(page.locator("#comment-list")).to_contain_text("Done with the keyboard.")
