"""The routing table: patterns compiled to regexes, 404 and 405 decided by `match`."""

import pytest
from harness.hello_contract import ROUTES


def test_the_table_has_exactly_the_contract_routes(stage):
    patterns = {row.regex.pattern for row in stage.ROUTES}
    assert len(stage.ROUTES) == len(ROUTES)
    assert {stage.route(path, None).regex.pattern for path in ROUTES} == patterns


def test_a_placeholder_becomes_a_named_group_for_one_segment(stage):
    row = stage.route("/hello/<name>", view=None)
    assert row.regex.fullmatch("/hello/Alice").groupdict() == {"name": "Alice"}
    assert row.regex.fullmatch("/hello/a/b") is None
    assert row.regex.fullmatch("/hello/") is None


def test_literal_parts_of_a_pattern_are_not_regex_syntax(stage):
    row = stage.route("/a.b", view=None)
    assert row.regex.fullmatch("/a.b")
    assert row.regex.fullmatch("/axb") is None


def test_get_routes_answer_head_too(stage):
    assert stage.route("/x", None).methods == ("GET", "HEAD")
    assert stage.route("/x", None, methods=("POST",)).methods == ("POST",)


@pytest.mark.parametrize(
    ("method", "path", "view", "kwargs"),
    [
        ("GET", "/", "index", {}),
        ("HEAD", "/hello/Zoë", "hello", {"name": "Zoë"}),
        ("GET", "/greet", "greet", {}),
        ("POST", "/submit", "submit", {}),
    ],
)
def test_match_finds_the_view_and_its_arguments(stage, method, path, view, kwargs):
    found, arguments = stage.match(method, path)
    assert found.__name__ == view
    assert arguments == kwargs


def test_a_known_path_with_the_wrong_method_is_405_listing_allowed_methods(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.match("POST", "/hello/Alice")
    assert caught.value.code == 405
    assert caught.value.headers == [("Allow", "GET, HEAD")]


def test_an_unknown_path_is_404(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.match("GET", "/hello/a/b")
    assert caught.value.code == 404
