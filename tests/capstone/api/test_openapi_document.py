"""The OpenAPI document is made from the code: output models, constants, what operations use.

test_openapi.py fuzzes the API against the document; these check the document itself:
that no answer's schema is written by hand, that answers' schemas are closed and list
every field as required, that enums and limits are the code's, and that each
operation's errors are its own.
"""

from capstone.api import outputs
from capstone.api import outputs_admin
from capstone.api import outputs_billing
from capstone.api import outputs_organizations
from capstone.api import serialize
from capstone.api.inputs import MAX_PAGE
from capstone.api.openapi import document
from capstone.database import db
from capstone.models import PRIORITIES
from capstone.models import ROLES
from capstone.models import STATUSES
from capstone.models import Task
from capstone.services.tasks import MAX_PER_PAGE
from capstone.services.tasks import SORTS

OUTPUT_MODELS = {
    name: model
    for module in (outputs, outputs_admin, outputs_billing, outputs_organizations)
    for name, model in vars(module).items()
    if isinstance(model, type) and issubclass(model, outputs.Output) and model is not outputs.Output
}


def answer_schemas(paths):
    """(method, path, status, schema) of every JSON answer in the document."""
    for path, item in paths.items():
        for method, operation in item.items():
            for status, answer in operation["responses"].items():
                json = answer.get("content", {}).get("application/json")
                if json is not None:
                    yield method, path, status, json["schema"]


def test_every_answer_is_an_output_model_and_its_serialization_schema():
    spec = document()
    components = spec["components"]["schemas"]
    answers = list(answer_schemas(spec["paths"]))
    # Every success answer is JSON but the 204s and the download (counted by rule, not by
    # number: a new operation, such as an exercise's, needs no change here).
    successes = {
        (method, path, status)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        for status in operation["responses"]
        if status < "300"
    }
    not_json = successes - {(method, path, status) for method, path, status, _ in answers}
    assert not_json == {
        (method, path, status)
        for method, path, status in successes
        if status == "204" or path == "/attachments/{attachment_id}/content"
    }
    assert len(answers) > len(not_json) > 0
    for method, path, status, schema in answers:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        assert name in OUTPUT_MODELS, (method, path, status)
        model_schema = OUTPUT_MODELS[name].model_json_schema(
            mode="serialization", ref_template="#/components/schemas/{model}"
        )
        model_schema.pop("$defs", None)
        assert components[name] == model_schema


def test_answers_are_closed_and_every_field_is_required():
    components = document()["components"]["schemas"]
    for name in OUTPUT_MODELS:
        if name in components:
            schema = components[name]
            assert schema["additionalProperties"] is False, name
            assert sorted(schema["required"]) == sorted(schema["properties"]), name
    error = components["Error"]
    assert error["required"] == ["error", "message"]  # fields: only when fields are at fault
    assert "default" not in error["properties"]["fields"]


def test_enums_and_limits_are_the_constants_the_code_checks():
    spec = document()
    components = spec["components"]["schemas"]
    assert components["Task"]["properties"]["status"]["enum"] == list(STATUSES)
    assert components["Task"]["properties"]["priority"]["enum"] == list(PRIORITIES)
    assert components["User"]["properties"]["role"]["enum"] == list(ROLES)
    assert components["TaskIn"]["properties"]["status"]["enum"] == list(STATUSES)
    assert components["TasksByStatus"]["required"] == list(STATUSES)
    parameters = {
        p["name"]: p["schema"]
        for p in spec["paths"]["/projects/{project_id}/tasks"]["get"]["parameters"]
    }
    assert parameters["sort"]["enum"] == list(SORTS)
    assert parameters["per_page"]["maximum"] == MAX_PER_PAGE
    assert parameters["page"]["maximum"] == MAX_PAGE


def errors_of(spec, method, path):
    """The error statuses an operation lists."""
    return {int(code) for code in spec["paths"][path][method]["responses"] if code >= "400"}


def test_each_operation_lists_the_errors_of_what_it_uses():
    spec = document()
    request = {400, 413}  # any request: its query and its body are read before the view
    assert errors_of(spec, "get", "/me") == request | {401}
    assert errors_of(spec, "post", "/users") == request | {409, 415, 422}
    assert errors_of(spec, "post", "/tokens") == request | {401, 415, 422, 429}
    assert errors_of(spec, "get", "/tasks/{task_id}") == request | {401, 404}
    assert errors_of(spec, "post", "/tasks/{task_id}/restore") == request | {401, 403, 404, 422}
    assert errors_of(spec, "post", "/projects/{project_id}/tasks") == request | {
        401, 403, 404, 409, 415, 422
    }  # fmt: skip
    assert errors_of(spec, "get", "/admin/statistics") == request | {401, 403}
    for item in spec["paths"].values():
        for operation in item.values():
            assert {"405", "500"}.isdisjoint(operation["responses"])


def test_a_task_is_dumped_with_exactly_its_model_s_fields(app, team):
    with app.app_context():
        task = serialize.task_json(db.session.get(Task, team["task"]))
    assert set(task) == set(outputs.Task.model_fields)
    assert task["created_at"].endswith("+00:00")  # isoformat(), as before: not pydantic's "Z"
    assert task["overdue"] is False
