"""compare/ is served like a stage, and FastAPI's OpenAPI document describes the slice.

`make compare APP=...` reads HOST and PORT like `make stage`; the document is
generated from the code, with the capstone's bearer tokens as its security scheme.
"""

import json
import subprocess

import pytest
from harness.servers import fetch
from harness.servers import running_server
from harness.stages import COMPARE
from harness.stages import ROOT
from harness.stages import load_module


@pytest.mark.parametrize("app", ["django", "fastapi"])
def test_make_compare_serves_the_chosen_version_on_port(app):
    with running_server(["make", "-s", "compare", f"APP={app}"], timeout=60) as server:
        status, _, body = fetch(server.url, "GET", "/hello/Alice")
    assert status == 200
    assert b"<h1>Hello, Alice!</h1>" in body
    assert f"Serving compare/with_{app} on http://127.0.0.1:" in server.output()


def test_make_compare_says_which_versions_there_are():
    result = subprocess.run(
        ["make", "-s", "compare"], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "Say which: make compare APP=django, or APP=fastapi" in result.stdout


def test_the_openapi_document_is_the_api_with_bearer_tokens():
    document = load_module(COMPARE / "with_fastapi" / "app.py").app.openapi()
    assert sorted(document["paths"]) == [
        "/api/v1/projects/{project_id}/tasks",
        "/api/v1/tasks/{task_id}",
    ]
    assert document["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    listing = document["paths"]["/api/v1/projects/{project_id}/tasks"]["get"]
    assert {"page", "per_page", "status", "sort", "order", "q"} <= {
        parameter["name"] for parameter in listing["parameters"]
    }
    ok = listing["responses"]["200"]["content"]["application/json"]["schema"]
    assert json.dumps(ok) == '{"$ref": "#/components/schemas/TaskPage"}'
