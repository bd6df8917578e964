"""What a person does in the capstone's pages, written once for every browser test.

Each action goes through the page as a person would (labels, button names, links),
never through the database, and checks the page it lands on with `accessible`.
"""

import re
import secrets
from pathlib import Path

from e2e.environment import PASSWORD
from playwright.sync_api import expect

# Run in the page: what a screen-reader or keyboard user would miss, as a list of text.
A11Y_PROBLEMS = (Path(__file__).parent / "accessibility.js").read_text(encoding="utf-8")


def unique(name):
    """A username nobody has taken yet in this run's shared database."""
    return f"{name}-{secrets.token_hex(3)}"


# A phone (390 px, an iPhone 12 to 15) and a laptop: no page may be wider than either.
WIDTHS = (390, 1280)
# Run in the page: how wide the document is, how wide the window, what sticks out, and
# the dates that wrap.
PAGE_WIDTH = """() => {
  const limit = document.documentElement.clientWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((element) => element.getBoundingClientRect().right > limit + 1)
    .slice(0, 3)
    .map((element) => element.outerHTML.slice(0, 80));
  // A date split over two lines (2026-05-<br>01) is hard to read: each stays on one.
  const split = [...document.querySelectorAll("time")]
    .filter((date) => date.getClientRects().length > 1)
    .map((date) => date.textContent);
  return [document.documentElement.scrollWidth, limit, wide, split];
}"""


def accessible(page):
    """Fail with the problems if the page misses a label, its h1, its title or contrast.

    Or if it is wider than a phone's or a laptop's window: it would scroll sideways.
    """
    page.wait_for_load_state()  # the whole document, not one still arriving
    problems = page.evaluate(A11Y_PROBLEMS)
    assert problems == [], f"{page.url}: {problems}"
    fits(page)


def fits(page):
    """Fail if the page, at any of WIDTHS, is wider than the window; its size is kept."""
    size = page.viewport_size
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": size["height"]})
            scroll_width, limit, wide, split = page.evaluate(PAGE_WIDTH)
            assert scroll_width <= limit, (
                f"{page.url} at {width} px is {scroll_width} px wide; sticking out: {wide}"
            )
            assert split == [], f"{page.url} at {width} px splits dates over two lines: {split}"
    finally:
        page.set_viewport_size(size)


def follow(page, locator, url):
    """Click a link or button that leads to another page; wait until that page has loaded.

    A click does not wait for the page it opens: without this, the next step could run
    on the old page, or on the new one half-built.
    """
    locator.click()
    page.wait_for_url(re.compile(url))


def register(page, username):
    """Create an account through the form."""
    page.goto("/auth/register")
    accessible(page)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Email").fill(f"{username}@example.org")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Repeat the password").fill(PASSWORD)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("status")).to_contain_text("we sent an email to that address")


def log_in(page, username):
    """Log in through the form; lands on the dashboard."""
    page.goto("/auth/login")
    accessible(page)
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/dashboard$"))
    accessible(page)


def new_user(page, name):
    """Register a new user and log them in; return the username."""
    username = unique(name)
    register(page, username)
    log_in(page, username)
    return username


def create_project(page, name):
    """Create a project from the projects page; lands on its board. Returns the board URL."""
    main = page.get_by_role("navigation", name="Main")
    follow(page, main.get_by_role("link", name="Projects"), r"/projects/$")
    accessible(page)
    follow(page, page.get_by_role("link", name="New project"), r"/projects/new$")
    accessible(page)
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Create the project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    accessible(page)
    return page.url


def add_member(page, board_url, username):
    """On the members page of the project, add `username`."""
    page.goto(board_url)
    follow(page, page.get_by_role("link", name=re.compile(r"^Members")), r"/members$")
    accessible(page)
    page.get_by_label("Username or email").fill(username)
    page.get_by_role("button", name="Add").click()
    expect(page.get_by_role("status")).to_contain_text(f"{username} joined the project")


def create_task(page, board_url, title, assignee=None):
    """From the board, create a task (maybe assigned); lands on the task's page."""
    page.goto(board_url)
    follow(page, page.get_by_role("link", name="New task"), r"/tasks/new$")
    accessible(page)
    page.get_by_label("Title").fill(title)
    if assignee:
        page.get_by_label("Assignee").select_option(label=assignee)
    page.get_by_role("button", name="Create the task").click()
    expect(page.get_by_role("status")).to_contain_text("Task created")
    accessible(page)


def column(page, status_label):
    """The board's column for a status, by its heading ('To do', 'In progress', ...)."""
    heading = page.get_by_role("heading", level=2, name=re.compile(f"^{status_label}"))
    return page.locator("section.column").filter(has=heading)


def move(page, title, status_label):
    """On the board, move the task titled `title` to another column."""
    page.get_by_label(f'Move "{title}" to').select_option(label=status_label)
    card = page.locator("article.card").filter(has_text=title)
    card.get_by_role("button", name="Move").click()
    expect(column(page, status_label)).to_contain_text(title)


def log_out(page):
    """Press the Log out button of the top bar."""
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("status")).to_contain_text("You are logged out")


def tab_to(page, locator, limit=80):
    """Press Tab until `locator` has the focus, as a keyboard user would; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} cannot be reached with the Tab key")
