"""The same slice of the API in Flask, Django and FastAPI: the same answer to every request.

A battery of good and bad requests (filters, every sort key both ways, pages,
tokens of every kind, outsiders, nonsense parameters) goes to the capstone and to
the two versions in compare/, and each answer must have the capstone's status and
the capstone's JSON, exactly.
"""

from capstone.services.tasks import SORTS

LIST = "/api/v1/projects/{project}/tasks"


def battery(world):
    """(who, path) pairs: the requests, with the names of the tokens they carry."""
    tasks = LIST.format(project=world["project"])
    cases = [("alice", tasks), ("bob", tasks), ("root", tasks)]
    cases += [
        ("alice", f"{tasks}?sort={key}&order={order}") for key in SORTS for order in ("asc", "desc")
    ]
    cases += [
        ("alice", f"{tasks}?{query}")
        for query in (
            "status=todo",
            "status=done",
            "priority=low&status=todo",
            f"assignee_id={world['bob']}",
            "overdue=true",
            "archived=true",
            "q=100%25",
            "q=the_",
            "q=",
            "page=2&per_page=2",
            "page=999",
            "per_page=100",
            "status=done&overdue=true&archived=false",
            # Nonsense: each a 400 with the capstone's message per parameter.
            "per_page=0",
            "per_page=101",
            "page=0",
            "page=abc",
            "page=1e3",
            "overdue=yes",
            "status=bogus&sort=bogus&order=up&priority=none",
            "assignee_id=0",
            "status=",
            "archived=1&overdue=maybe",
            "page=-1&per_page=x",
            "sort_by=title",  # unknown parameters: a 400 naming them
            "status=todo&perpage=5&Sort=title",
        )
    ]
    outsiders_project = LIST.format(project=world["other"])
    cases += [
        ("carol", tasks),
        ("carol", f"{tasks}?page=abc"),
        ("alice", outsiders_project),
        ("root", outsiders_project),
        ("alice", LIST.format(project=99999)),
        ("alice", f"/api/v1/tasks/{world['task']}"),
        ("root", f"/api/v1/tasks/{world['task']}"),
        ("carol", f"/api/v1/tasks/{world['task']}"),
        ("alice", f"/api/v1/tasks/{world['archived']}"),
        ("alice", f"/api/v1/tasks/{world['carol_task']}"),
        ("alice", "/api/v1/tasks/99999"),
        # Ids that name nothing: the routes' converters refuse them before any query.
        ("alice", "/api/v1/tasks/0"),
        ("alice", "/api/v1/tasks/2147483648"),
        ("alice", f"/api/v1/tasks/{'9' * 30}"),
        ("alice", "/api/v1/projects/0/tasks"),
        ("alice", "/api/v1/tasks/abc"),
        ("none", "/api/v1/projects/2147483648/tasks"),
        ("alice", f"/api/v1/tasks/{world['task']}?page=2"),  # the detail takes none
        ("none", f"{tasks}?sort_by=title"),  # checked before the token
        ("carol", f"{outsiders_project}?sort_by=title"),
    ]
    for bad in ("dave", "eve", "expired", "wrong_key", "garbage", "basic", "empty", "none"):
        cases += [(bad, tasks), (bad, f"/api/v1/tasks/{world['task']}")]
    return cases


def test_the_three_versions_answer_the_battery_alike(client, world, tokens, servers, differences):
    cases = battery(world)
    assert len(cases) >= 30
    statuses = {client.get(path, headers=tokens[who]).status_code for who, path in cases}
    assert statuses == {200, 400, 401, 404}, "the battery should hold every kind of answer"
    different = differences(cases, servers)
    assert not different, f"{len(different)} answers differ:\n" + "\n".join(different)
