"""What @app.route did: rules in app.url_map, functions in app.view_functions."""

import pytest
from flask.cli import routes_command


@pytest.mark.hint(
    "one @app.route per view: /, /hello/<name>, /greet, /submit (POST only), /submitted"
)
def test_each_route_is_a_rule_in_the_url_map(app):
    rules = {rule.rule: rule for rule in app.url_map.iter_rules()}
    assert set(rules) == {
        "/",
        "/hello/<name>",
        "/greet",
        "/submit",
        "/submitted",
        "/static/<path:filename>",
    }
    assert rules["/hello/<name>"].endpoint == "hello"
    assert rules["/hello/<name>"].methods == {"GET", "HEAD", "OPTIONS"}
    assert rules["/submit"].methods == {"POST", "OPTIONS"}


@pytest.mark.hint(
    "@app.route on the module's own functions index, hello, greet, submit and submitted"
)
def test_each_endpoint_names_its_view_function(app, stage):
    for endpoint in ("index", "hello", "greet", "submit", "submitted"):
        assert app.view_functions[endpoint] is getattr(stage, endpoint)


@pytest.mark.hint(
    "hello() is routed at /hello/<name>: `flask routes` lists it as the endpoint 'hello'"
)
def test_the_routes_command_lists_them(app):
    # `flask routes` belongs to the `flask` command itself, not to app.cli: invoke it directly.
    result = app.test_cli_runner().invoke(routes_command)
    said = result.output.strip().rpartition("\n")[2] or repr(result.exception)
    assert result.exit_code == 0, said  # the last line: "Error: No such command ..."
    assert "hello      GET      /hello/<name>" in result.output


@pytest.mark.hint("/submit's route allows POST only: Flask adds OPTIONS itself")
def test_options_is_answered_by_flask_itself(client):
    response = client.options("/submit")
    assert response.status_code == 200
    assert set(response.headers["Allow"].split(", ")) == {"OPTIONS", "POST"}
