"""Attachments: the upload battery, over the API and the web page.

Files are checked by their content, stored under server-made names, and only ever
come back as downloads, whatever their name or type claims.
"""

import io
import os

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from capstone.database import db
from capstone.models import Attachment
from capstone.services import attachments

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


@pytest.fixture
def upload(client, team, auth):
    """A function that uploads (name, content) to the team's task as `who`; returns the response."""

    def send(name, content, who="alice", task=None):
        # Encoded in memory: the test client's own encoding leaves a temporary file open
        # for bodies over 500 KiB.
        boundary, body = encode_multipart({"file": FileStorage(io.BytesIO(content), name)})
        return client.post(
            f"/api/v1/tasks/{task or team['task']}/attachments",
            data=body,
            headers=auth(who),
            content_type=f"multipart/form-data; boundary={boundary}",
        )

    return send


def stored_files(app):
    """The files in the upload folder (created by the first upload)."""
    folder = app.config["UPLOAD_FOLDER"]
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def fetch(client, url, headers=None):
    """GET a download and close it (send_file keeps the file open until then)."""
    response = client.get(url, headers=headers)
    response.get_data()
    response.close()
    return response


def test_an_upload_is_listed_and_downloaded_as_an_attachment(client, auth, upload, team):
    response = upload("report.txt", b"hello\n")
    assert response.status_code == 201
    attachment = response.get_json()
    assert (attachment["name"], attachment["content_type"], attachment["size"]) == (
        "report.txt",
        "text/plain",
        6,
    )
    listing = client.get(f"/api/v1/tasks/{team['task']}/attachments", headers=auth("bob"))
    assert [a["id"] for a in listing.get_json()["attachments"]] == [attachment["id"]]
    download = fetch(client, f"/api/v1/attachments/{attachment['id']}/content", auth("bob"))
    assert download.data == b"hello\n"
    assert download.headers["Content-Disposition"] == "attachment; filename=report.txt"
    assert download.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("name", "content"), [("page.html", HTML), ("logo.svg", SVG)])
def test_html_and_svg_come_back_as_text_downloads_never_as_pages(
    client, auth, upload, name, content
):
    attachment = upload(name, content).get_json()
    download = fetch(client, f"/api/v1/attachments/{attachment['id']}/content", auth("bob"))
    assert download.data == content
    assert download.mimetype == "text/plain"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download.headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("CON", "CON"),
        ("", "unnamed"),
        ("...", "unnamed"),
        ("x" * 300 + ".txt", "x" * 196 + ".txt"),
    ],
)
def test_hostile_names_are_stored_safely(app, upload, name, shown):
    response = upload(name, b"text")
    assert response.status_code == 201
    assert response.get_json()["name"] == shown
    [on_disk] = stored_files(app)
    assert len(on_disk) == 32 and on_disk.isalnum()  # the server's name, never the client's
    assert not os.path.exists(os.path.join(app.config["UPLOAD_FOLDER"], "..", "etc"))


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("..\\..\\windows\\win.ini", "win.ini"),
        ("C:\\Users\\me\\notes.txt", "notes.txt"),
        ("a\x00b\nc\x7f.txt", "abc.txt"),
        (" . . ", "unnamed"),
        (None, "unnamed"),
    ],
)
def test_names_keep_only_their_last_printable_part(given, kept):
    # Names a multipart form cannot carry through the test client, checked directly.
    assert attachments.clean_name(given) == kept


@pytest.mark.parametrize(
    ("sent", "kept"),
    [
        (b"C:\\Users\\x\\notes.txt", "notes.txt"),
        (b"\\\\server\\share\\plan.txt", "plan.txt"),
        (b"report.txt", "report.txt"),
    ],
)
def test_a_windows_path_as_a_browser_sends_it_keeps_its_last_part(client, auth, team, sent, kept):
    # Backslashes as browsers and curl send them: raw, which Werkzeug would read as escapes.
    body = b'--b\r\nContent-Disposition: form-data; name=file; filename="%s"\r\n' % sent
    body += b"Content-Type: text/plain\r\n\r\nhello\r\n--b--\r\n"
    response = client.post(
        f"/api/v1/tasks/{team['task']}/attachments",
        data=body,
        headers=auth("alice"),
        content_type="multipart/form-data; boundary=b",
    )
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["name"] == kept


def test_a_non_ascii_name_is_encoded_per_rfc_5987(client, auth, upload):
    attachment = upload("Übersicht café.txt", b"text").get_json()
    download = fetch(client, f"/api/v1/attachments/{attachment['id']}/content", auth("bob"))
    disposition = download.headers["Content-Disposition"]
    assert "filename*=UTF-8''%C3%9Cbersicht%20caf%C3%A9.txt" in disposition


@pytest.mark.parametrize(
    ("content", "status"),
    [
        (b"MZ\x90\x00" + b"\x00" * 60, 415),  # a Windows executable
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 60, 415),  # a Linux one
        (b"\xff\xfe\xfa" * 10, 415),  # not UTF-8, no known signature
        (b"", 422),
    ],
)
def test_types_off_the_allowlist_and_empty_files_are_refused(app, upload, content, status):
    response = upload("innocent.txt", content)
    assert response.status_code == status
    assert response.is_json
    assert stored_files(app) == []


def test_a_file_over_the_limit_is_413_and_leaves_nothing(app, upload):
    app.config["MAX_ATTACHMENT_SIZE"] = 1000
    assert upload("big.txt", b"a" * 1001).status_code == 413
    assert upload("big.txt", b"a" * 200_000).status_code == 413  # refused by the body limit
    assert stored_files(app) == []
    assert upload("fits.txt", b"a" * 1000).status_code == 201


def test_the_default_limit_is_10_mb_and_above_the_2_mb_body_limit(app, upload):
    assert app.config["MAX_ATTACHMENT_SIZE"] == 10 * 1024 * 1024
    assert upload("photo.png", PNG + b"\x00" * (3 * 1024 * 1024)).status_code == 201


def test_not_multipart_is_415_and_no_file_field_is_422(client, auth, team):
    url = f"/api/v1/tasks/{team['task']}/attachments"
    assert client.post(url, json={"file": "x"}, headers=auth("alice")).status_code == 415
    empty = client.post(url, data={}, headers=auth("alice"), content_type="multipart/form-data")
    assert empty.status_code == 422
    assert empty.get_json()["fields"] == {"file": "Choose a file to upload."}


def test_only_members_download_and_upload(client, auth, upload, team):
    attachment = upload("a.txt", b"text").get_json()
    content = f"/api/v1/attachments/{attachment['id']}/content"
    assert client.get(content, headers=auth("carol")).status_code == 404
    assert client.get(content, headers=auth("root")).status_code == 403
    assert upload("b.txt", b"text", who="carol").status_code == 404
    assert upload("b.txt", b"text", who="root").status_code == 403


def test_deleting_an_attachment_removes_its_file(app, client, auth, upload):
    attachment = upload("a.txt", b"text").get_json()
    url = f"/api/v1/attachments/{attachment['id']}"
    assert client.delete(url, headers=auth("bob")).status_code == 403  # not the uploader
    assert client.delete(url, headers=auth("alice")).status_code == 204
    assert stored_files(app) == []
    assert client.get(url, headers=auth("alice")).status_code == 404


@pytest.mark.parametrize("what", ["task", "project"])
def test_deleting_the_task_or_project_removes_the_files(app, client, auth, upload, team, what):
    upload("a.txt", b"one")
    upload("b.png", PNG)
    path = (
        f"/api/v1/tasks/{team['task']}" if what == "task" else f"/api/v1/projects/{team['project']}"
    )
    assert client.delete(path, headers=auth("alice")).status_code == 204
    assert stored_files(app) == []
    with app.app_context():
        assert db.session.scalars(select(Attachment)).all() == []


def test_the_web_page_uploads_lists_and_downloads(app, client, login, team):
    login(client, "bob")
    page = f"/tasks/{team['task']}"
    response = client.post(f"{page}/attachments", data={"file": (io.BytesIO(PNG), "shot.png")})
    assert response.status_code == 303
    html = client.get(page).text
    assert "shot.png" in html
    with app.app_context():
        attachment_id = db.session.scalar(select(Attachment.id))
    download = fetch(client, f"/attachments/{attachment_id}")
    assert download.mimetype == "image/png"
    assert download.headers["Content-Disposition"] == "attachment; filename=shot.png"
    refused = client.post(f"{page}/attachments", data={})
    assert refused.status_code == 400
    assert "Choose a file to upload." in refused.text


def test_the_task_page_query_count_does_not_grow_with_attachments(
    client, auth, build, login, upload, team, count_queries
):
    uploaders = [build.user(f"helper{number}") for number in range(3)]
    for user_id in uploaders:
        members = f"/api/v1/projects/{team['project']}/members"
        client.post(members, json={"user_id": user_id}, headers=auth("alice"))
    upload("first.txt", b"text")
    login(client, "alice")
    page = f"/tasks/{team['task']}"

    def statements():
        with count_queries() as sent:
            assert client.get(page).status_code == 200
        return len(sent)

    small = statements()
    for number in range(3):
        upload(f"more-{number}.txt", b"text", who=f"helper{number}")  # uploaders to load
    assert statements() == small
