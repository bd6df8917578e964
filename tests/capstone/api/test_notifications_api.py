"""Notifications, the archive and the account's verification flag over the API."""

from datetime import timedelta

from capstone.models.base import utcnow


def test_notifications_are_listed_with_the_unread_count_and_marked_read(client, auth, team):
    bob, alice = auth("bob"), auth("alice")
    client.post(f"/api/v1/tasks/{team['task']}/comments", json={"body": "Done?"}, headers=bob)
    answer = client.get("/api/v1/notifications", headers=alice).get_json()
    assert answer["unread"] == 1
    [note] = answer["notifications"]
    assert (note["kind"], note["task_id"], note["read"]) == ("commented", team["task"], False)
    assert client.get("/api/v1/notifications", headers=bob).get_json()["notifications"] == []
    assert client.post(f"/api/v1/notifications/{note['id']}/read", headers=bob).status_code == 404
    read = client.post(f"/api/v1/notifications/{note['id']}/read", headers=alice).get_json()
    assert read["read"] is True
    unread = client.get("/api/v1/notifications?unread=true", headers=alice).get_json()
    assert (unread["notifications"], unread["unread"]) == ([], 0)


def test_mark_all_read_and_a_bad_filter(client, auth, team):
    bob, alice = auth("bob"), auth("alice")
    for body in ("one", "two"):
        client.post(f"/api/v1/tasks/{team['task']}/comments", json={"body": body}, headers=bob)
    assert client.post("/api/v1/notifications/read", headers=alice).status_code == 204
    assert client.get("/api/v1/notifications", headers=alice).get_json()["unread"] == 0
    bad = client.get("/api/v1/notifications?unread=maybe", headers=alice)
    assert bad.status_code == 400
    assert bad.get_json()["fields"] == {"unread": "true or false."}


def test_archived_tasks_are_listed_apart_and_restored(client, auth, build, team):
    old = utcnow() - timedelta(days=100)
    task = build.task(team["project"], team["alice"], title="Old", status="done", archived_at=old)
    url = f"/api/v1/projects/{team['project']}/tasks"

    def titles(query=""):
        return [
            t["title"] for t in client.get(url + query, headers=auth("bob")).get_json()["tasks"]
        ]

    assert "Old" not in titles()
    assert titles("?archived=true") == ["Old"]
    restored = client.post(f"/api/v1/tasks/{task}/restore", headers=auth("bob"))
    assert restored.get_json()["archived_at"] is None
    assert "Old" in titles()
    again = client.post(f"/api/v1/tasks/{task}/restore", headers=auth("bob"))
    assert again.status_code == 422


def test_me_tells_whether_the_address_is_verified(client, auth, build):
    build.user("dan", verified=False)
    assert client.get("/api/v1/me", headers=auth("dan")).get_json()["email_verified"] is False
