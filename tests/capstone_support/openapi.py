"""Reading the capstone's OpenAPI document in tests: which operations take a JSON body."""


def json_operations(document):
    """(method, path, schema name) of every operation whose request body is JSON."""
    for path, item in document["paths"].items():
        for method, operation in item.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                name = content["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
                yield method, path, name
