"""The routing table: patterns compiled to regexes, 404 and 405 decided by `match`."""

import pytest
from harness.hello_contract import ROUTES


@pytest.mark.hint("ROUTES needs a route() row for /, /hello/<name>, /greet and /submit (POST)")
def test_the_table_has_the_contract_routes(stage):
    # At least these: the exercises add more.
    patterns = {row.regex.pattern for row in stage.ROUTES}
    assert {stage.route(path, None).regex.pattern for path in ROUTES} <= patterns


@pytest.mark.hint("turn <name> into (?P<name>[^/]+): one segment, no slash")
def test_a_placeholder_becomes_a_named_group_for_one_segment(stage):
    row = stage.route("/hello/<name>", view=None)
    assert row.regex.fullmatch("/hello/Alice").groupdict() == {"name": "Alice"}
    assert row.regex.fullmatch("/hello/a/b") is None
    assert row.regex.fullmatch("/hello/") is None


@pytest.mark.hint("re.escape(pattern) first, then replace the escaped <name> placeholders")
def test_literal_parts_of_a_pattern_are_not_regex_syntax(stage):
    row = stage.route("/a.b", view=None)
    assert row.regex.fullmatch("/a.b")
    assert row.regex.fullmatch("/axb") is None


@pytest.mark.hint("a route with GET also accepts HEAD: add it in route()")
def test_get_routes_answer_head_too(stage):
    assert stage.route("/x", None).methods == ("GET", "HEAD")
    assert stage.route("/x", None, methods=("POST",)).methods == ("POST",)


@pytest.mark.hint(
    "match() returns (view, found.groupdict()) for the first row whose regex fullmatches"
)
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


@pytest.mark.hint(
    "collect the methods of every row whose path matches; none allowed -> 405 with an Allow header"
)
def test_a_known_path_with_the_wrong_method_is_405_listing_allowed_methods(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.match("POST", "/hello/Alice")
    assert caught.value.code == 405
    assert caught.value.headers == [("Allow", "GET, HEAD")]


@pytest.mark.hint("no row matches the path at all -> HTTPError(404)")
def test_an_unknown_path_is_404(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.match("GET", "/hello/a/b")
    assert caught.value.code == 404
