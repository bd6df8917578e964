"""Bad input gets the documented 4xx in JSON: never a 500, never HTML, never a hang."""

import pytest
from capstone_support.openapi import json_operations


@pytest.fixture
def alice(auth, team):
    """Headers for the owner of the team's project."""
    return auth("alice")


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=0", "page"),
        ("per_page=0", "per_page"),
        (f"per_page={10**9}", "per_page"),
        ("per_page=abc", "per_page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("sort=password_hash", "sort"),
        ("sort=__class__", "sort"),
        ("order=sideways", "order"),
        ("status=lost", "status"),
        ("overdue=maybe", "overdue"),
        ("assignee_id=abc", "assignee_id"),
        (f"assignee_id={2**70}", "assignee_id"),
        (f"assignee_id={2**31}", "assignee_id"),
    ],
)
def test_bad_query_values_are_a_400_naming_the_parameter(client, alice, team, query, field):
    response = client.get(f"/api/v1/projects/{team['project']}/tasks?{query}", headers=alice)
    assert response.status_code == 400
    assert field in response.get_json()["fields"]


@pytest.mark.parametrize(
    "path",
    [
        f"/api/v1/tasks/{2**64}",
        f"/api/v1/tasks/{2**31}",  # past PostgreSQL's INTEGER: a 404, not a database error
        f"/api/v1/projects/{2**63 - 1}",
        f"/api/v1/projects/{2**70}/tasks",
        "/api/v1/tasks/0",
        "/api/v1/tasks/-1",
        "/api/v1/comments/abc",
    ],
)
def test_ids_out_of_range_are_a_json_404(client, alice, path):
    response = client.get(path, headers=alice)
    assert response.status_code in (404, 405)
    assert response.mimetype == "application/json"


@pytest.mark.parametrize(
    ("data", "content_type", "status"),
    [
        (b"{bad", "application/json", 400),
        (b"", "application/json", 400),
        (b'{"name": "x"}', "text/plain", 415),
        (b"name=x", "application/x-www-form-urlencoded", 415),
        (b"[1, 2]", "application/json", 422),
        (b'"just a string"', "application/json", 422),
        (b'{"name": 5}', "application/json", 422),
        (b'{"name": ""}', "application/json", 422),
        (b'{"name": "   "}', "application/json", 422),
        (b'{"name": "x", "extra": 1}', "application/json", 422),
        (b'{"name": "\xff"}', "application/json", 400),
    ],
)
def test_bad_bodies_get_the_documented_status(client, alice, data, content_type, status):
    response = client.post("/api/v1/projects", data=data, content_type=content_type, headers=alice)
    assert response.status_code == status
    assert response.get_json()["error"]


@pytest.mark.parametrize(
    "data",
    [
        {"title": "x", "due_date": "2030-13-40"},
        {"title": "x", "due_date": 5},
        {"title": "x", "assignee_id": "2"},
        {"title": "x", "assignee_id": True},
        {"title": "x", "priority": "HIGH"},
        {"title": "x" * 201},
    ],
)
def test_wrong_types_are_a_422_with_the_field(client, alice, team, data):
    response = client.post(f"/api/v1/projects/{team['project']}/tasks", json=data, headers=alice)
    assert response.status_code == 422
    assert set(response.get_json()["fields"]) <= set(data)


def test_an_oversized_body_is_a_json_413(app, client, alice):
    data = b'{"name": "' + b"x" * app.config["MAX_CONTENT_LENGTH"] + b'"}'
    response = client.post(
        "/api/v1/projects", data=data, content_type="application/json", headers=alice
    )
    assert response.status_code == 413
    assert response.get_json()["error"] == "payload_too_large"


def test_a_wrong_method_is_a_json_405_with_allow(client, alice):
    response = client.put("/api/v1/projects", headers=alice)
    assert response.status_code == 405
    assert response.get_json()["error"] == "method_not_allowed"
    assert "GET" in response.headers["Allow"]


def test_an_unexpected_error_is_a_json_500_without_internals(app, client, alice, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("connection string with a password")

    monkeypatch.setattr("capstone.api.projects.paginate", broken)
    app.testing = False
    monkeypatch.setattr(app.logger, "disabled", True)  # the logger is shared: undo it
    response = client.get("/api/v1/projects", headers=alice)
    assert response.status_code == 500
    assert response.get_json()["error"] == "internal_error"
    assert "password" not in response.text


def test_nothing_under_api_answers_html(client):
    for response in (
        client.get("/api/v1/nope"),
        client.get("/api/v1/me"),
        client.delete("/api/v1/users"),
    ):
        assert response.mimetype == "application/json"


def test_a_nul_character_in_json_is_a_422_naming_the_field(client, alice, team):
    response = client.post(
        f"/api/v1/projects/{team['project']}/tasks", json={"title": "a\x00b"}, headers=alice
    )
    assert response.status_code == 422
    assert "NUL" in response.get_json()["fields"]["title"]
    response = client.post("/api/v1/tokens", json={"username": "\x00", "password": "x" * 8})
    assert response.status_code == 422


def test_a_nul_character_in_the_query_string_is_a_400(client, alice, team):
    response = client.get(f"/api/v1/projects/{team['project']}/tasks?q=a%00b", headers=alice)
    assert response.status_code == 400
    assert response.mimetype == "application/json"


# 1,000 unclosed brackets: 2 KB that make json.loads raise RecursionError (not ValueError).
DEEP = b"[" * 1000


def test_deeply_nested_json_is_a_400_on_every_json_endpoint(client, alice, team, caplog):
    document = client.get("/api/v1/openapi.json").get_json()
    operations = list(json_operations(document))
    assert ("post", "/tokens", "TokenIn") in operations
    for method, path, _ in operations:
        url = "/api/v1" + path.replace("{user_id}", str(team["bob"]))
        url = url.replace("{organization_id}", str(team["organization"]))
        for name in ("project_id", "task_id", "comment_id", "notification_id"):
            url = url.replace("{" + name + "}", str(team["task"]))
        for headers in ({}, alice):
            response = client.open(
                url, method=method, data=DEEP, content_type="application/json", headers=headers
            )
            assert response.status_code in (400, 401, 403), (method, url, response.status_code)
            assert response.mimetype == "application/json"
    # Deeper than json.loads takes, and deeper than pydantic's own parser takes (200).
    nested = [DEEP, b"[" * 300 + b"]" * 300, b'{"name": ' + b"[" * 300 + b"]" * 300 + b"}"]
    for url, headers in (("/api/v1/tokens", {}), ("/api/v1/projects", alice)):
        for deep in nested:
            answer = client.post(url, data=deep, content_type="application/json", headers=headers)
            assert answer.status_code == 400, deep[:20]
            assert answer.get_json()["error"] == "bad_request"
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


def test_messages_say_what_to_do_in_words(client, alice, team):
    url = f"/api/v1/projects/{team['project']}/tasks"
    for title in ("   ", ""):
        blank = client.post(url, json={"title": title}, headers=alice).get_json()
        assert blank["fields"] == {"title": "This field must not be blank."}
    name = client.post(
        "/api/v1/users", json={"username": "a b", "email": "a@example.org", "password": "x" * 9}
    )
    assert name.get_json()["fields"] == {"username": "Letters, digits, '.', '-' and '_' only."}
    not_json = client.post(url, data="title=x", content_type="text/plain", headers=alice)
    assert (not_json.status_code, not_json.get_json()["message"]) == (
        415,
        "Send the body as JSON, with Content-Type: application/json.",
    )


@pytest.mark.parametrize(
    ("query", "unknown"),
    [("sort_by=title", ["sort_by"]), ("status=todo&perpage=5&Sort=title", ["Sort", "perpage"])],
)
def test_unknown_query_parameters_are_a_400_naming_them(client, alice, team, query, unknown):
    url = f"/api/v1/projects/{team['project']}/tasks?{query}"
    for answer in (client.get(url, headers=alice), client.get(url)):  # before the token too
        assert answer.status_code == 400
        assert sorted(answer.get_json()["fields"]) == unknown
    assert client.get(f"/api/v1/tasks/{team['task']}?page=2", headers=alice).status_code == 400
    assert (
        client.get(f"/api/v1/projects/{team['project']}/tasks?page=2", headers=alice).status_code
        == 200
    )
