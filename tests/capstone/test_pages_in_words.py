"""What the pages say in words, not by colour or by guesswork: sizes, lateness, own rows."""

import io
import re
from datetime import timedelta

import pytest

from capstone.models.task import today
from capstone.web import file_size


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (17, "17 bytes"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (1024 * 1024, "1.0 MB"),
    ],
)
def test_file_sizes_read_as_bytes_below_a_kilobyte(size, shown):
    assert file_size(size) == shown


def test_a_small_attachment_shows_its_size_in_bytes(client, login, team):
    login(client, "bob")
    data = {"file": (io.BytesIO(b"seventeen bytes.\n"), "notes.txt")}
    client.post(f"/tasks/{team['task']}/attachments", data=data)
    assert "17 bytes, bob" in client.get(f"/tasks/{team['task']}").text


def test_an_overdue_task_says_so_in_words_in_the_task_list(client, login, build, team):
    late = today() - timedelta(days=1)
    build.task(team["project"], team["alice"], title="Late one", due_date=late)
    login(client, "alice")
    rows = client.get(f"/projects/{team['project']}/tasks").text.split("<tr")
    [late_row] = [row for row in rows if ">Late one</a>" in row]
    [on_time] = [row for row in rows if ">Task 1</a>" in row]
    assert "</span> Overdue</span>" in late_row and "Overdue" not in on_time


def test_an_admin_is_not_offered_to_deactivate_their_own_account(client, login, team):
    login(client, "root")
    page = client.get("/admin/users").text
    buttons = re.findall(r'Deactivate<span class="visually-hidden"> (\w+)</span>', page)
    assert "alice" in buttons and "root" not in buttons
