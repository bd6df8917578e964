"""A NUL character typed into any form of the site: named, kept, never stored, never a 500.

PostgreSQL cannot store a NUL in text, so before these checks a NUL that reached it was
a database error. A form names the field and shows the rest of what was typed; whatever
no form checks is refused at the database's door with a 400.
"""

from html.parser import HTMLParser

import pytest
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import select

from capstone.database import db
from capstone.models import Base

NUL = "a\x00b"
# The HTML field types that carry text a person types or a page fills in.
TEXT_TYPES = {"text", "textarea", "email", "search", "password", "hidden", "select"}


class FormParser(HTMLParser):
    """Collect each POST form of a page: its action and the names of its text fields."""

    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):  # noqa: D102 (HTMLParser's hook)
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append((attrs.get("method", "get").lower(), attrs.get("action"), []))
        elif tag in ("input", "textarea", "select") and self.forms and "name" in attrs:
            kind = tag if tag != "input" else attrs.get("type", "text")
            if kind in TEXT_TYPES and attrs["name"] != "csrf_token":
                self.forms[-1][2].append(attrs["name"])


def forms_on(client, url):
    """The POST forms of the page at `url`, as (action, [field names])."""
    response = client.get(url)
    assert response.status_code == 200, url
    parser = FormParser()
    parser.feed(response.text)
    return [(action or url, fields) for method, action, fields in parser.forms if method == "post"]


def pages(team):
    """Every page with a form, by who sees it (None: nobody logged in)."""
    project, task = team["project"], team["task"]
    return {
        None: ["/auth/register", "/auth/login", "/auth/reset"],
        "alice": [
            "/projects/new",
            f"/projects/{project}",
            f"/projects/{project}/edit",
            f"/projects/{project}/members",
            f"/projects/{project}/tasks",
            f"/projects/{project}/tasks/new",
            f"/tasks/{task}",
            f"/tasks/{task}/edit",
            "/profile",
            "/dashboard",
            "/notifications",
        ],
        "root": ["/admin/users"],
    }


def stored_text_with_nul(app):
    """Every (table, column) holding a text value with a NUL: there must be none."""
    found = []
    with app.app_context():
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if isinstance(column.type, String | Text):
                    # Read back and looked at here: a NUL cannot be sent in a query to
                    # PostgreSQL, and SQLite's LIKE stops at one.
                    values = db.session.scalars(select(column)).all()
                    found += [(table.name, column.name) for v in values if v and "\x00" in v]
    return found


def test_every_form_of_the_site_takes_a_nul_without_a_500(app, client, login, team):
    posted = 0
    for who, urls in pages(team).items():
        if who:
            login(client, who)
        for url in urls:
            for action, fields in forms_on(client, url):
                for field in fields:
                    response = client.post(
                        action, data={name: "x" for name in fields} | {field: NUL}
                    )
                    assert response.status_code < 500, (action, field, response.text[:300])
                    posted += 1
        client.post("/auth/logout")
    assert posted > 40  # the sweep reached the forms, not only a login page
    assert stored_text_with_nul(app) == []


@pytest.mark.parametrize(
    ("field", "typed"),
    [("title", "Write the\x00 report"), ("description", "line one\x00line two")],
)
def test_a_form_names_the_field_with_a_nul_and_keeps_the_rest(client, login, team, field, typed):
    login(client, "alice")
    data = {"title": "A title", "description": "", "status": "todo", "priority": "low"}
    response = client.post(f"/projects/{team['project']}/tasks/new", data=data | {field: typed})
    assert response.status_code == 400
    assert "The NUL character is not allowed here." in response.text
    # What was typed comes back, the NUL shown as the replacement character.
    assert typed.replace("\x00", "\ufffd") in response.text
    assert "Write the" not in client.get(f"/projects/{team['project']}/tasks").text


def test_a_nul_anywhere_else_is_a_400_before_the_database(app, client, login, team):
    assert client.get("/auth/login?next=%00").status_code == 400
    login(client, "root")
    # The admin's user search renders again with the text it was sent: no form checks it.
    response = client.post(f"/admin/users/{team['bob']}/role", data={"role": "nobody", "q": NUL})
    assert response.status_code == 400
    assert "The NUL character is not allowed in text." in response.text
