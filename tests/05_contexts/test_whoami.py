"""/whoami: the page that shows what the two contexts hold for the request being served."""

import re

import pytest


@pytest.mark.hint(
    "whoami() passes current_app_name, thread, session_keys and g_names; whoami.html shows "
    "them with request.method, request.path, request.args and g.request_id, a <tr> each"
)
def test_whoami_shows_what_each_context_holds(stage):
    response = stage.app.test_client().get("/whoami?name=Ann")
    assert response.status_code == 200
    text = response.text

    def row(header):
        found = re.search(rf"<th>{re.escape(header)}</th><td>(.*?)</td>", text)
        assert found, f"no row for {header} in /whoami"
        return found.group(1)

    assert row("current_app.name") == stage.app.name
    assert row("request.method, request.path") == "GET /whoami"
    assert row("request.args") == "{&#39;name&#39;: &#39;Ann&#39;}"
    assert row("g.request_id") == response.headers["X-Request-Id"]
    assert row("names in g") == "request_id"
    assert row("session keys") == "(none)"
    assert row("served on thread")
