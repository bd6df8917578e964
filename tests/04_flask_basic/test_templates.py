"""Templates: every page extends base.html, every URL comes from url_for, and text is escaped."""

import re

import pytest

PAGES = ["/", "/hello/Alice", "/greet", "/submitted", "/nope"]


@pytest.mark.hint(
    'each template starts {% extends "base.html" %} and fills the title and content blocks, '
    "with one <h1>"
)
@pytest.mark.parametrize("path", PAGES)
def test_every_page_extends_the_base_layout(client, path):
    text = client.get(path).text
    assert text.startswith("<!doctype html>")
    assert '<link rel="stylesheet" href="/static/style.css">' in text
    assert '<nav><a href="/">Hello, Flask</a></nav>' in text
    assert re.search(r"<title>.+ · Hello, Flask</title>", text)
    assert text.count("<h1>") == 1


@pytest.mark.hint("every href and action comes from url_for(...), never a written '/...'")
def test_no_template_hard_codes_a_url(stage):
    for template in stage.app.jinja_env.list_templates():
        source, _, _ = stage.app.jinja_env.loader.get_source(stage.app.jinja_env, template)
        assert not re.search(r'(href|action)="/', source), f"{template}: use url_for"


@pytest.mark.hint("never |safe: Jinja2 escapes {{ name }} for you")
def test_no_template_marks_anything_safe(stage):
    for template in stage.app.jinja_env.list_templates():
        source, _, _ = stage.app.jinja_env.loader.get_source(stage.app.jinja_env, template)
        assert "|safe" not in source.replace(" ", ""), f"{template} turns escaping off"


@pytest.mark.hint("templates end in .html: Flask turns autoescaping on by the extension")
def test_autoescaping_is_chosen_by_the_template_file_extension(app):
    autoescape = app.jinja_env.autoescape  # Flask's select_jinja_autoescape
    assert autoescape("page.html") is True
    assert autoescape("mail.txt") is False


@pytest.mark.hint(
    "greeting.html shows {{ name }} in the title block and in the <h1>, escaped: never |safe"
)
@pytest.mark.parametrize("name", ['<script>alert("x")</script>', "Tom & Jerry", "'quotes'"])
def test_names_are_escaped_in_the_title_and_the_heading(client, name):
    text = client.get("/greet", query_string={"name": name}).text
    assert "<script>" not in text
    assert text.count("&lt;script&gt;" if "<" in name else "&amp;" if "&" in name else "&#39;") >= 2


@pytest.mark.hint("greet(): a blank name means app.config['DEFAULT_NAME'], read at each request")
def test_the_default_name_comes_from_the_config(client, app, monkeypatch):
    monkeypatch.setitem(app.config, "DEFAULT_NAME", "Ada")
    assert "<h1>Hello, Ada!</h1>" in client.get("/greet").text
