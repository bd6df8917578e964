"""The transcript format itself: parsing, normalising, and '...' matching."""

import pytest
from harness.transcripts import matches
from harness.transcripts import normalise
from harness.transcripts import parse

README = """
Text, then a transcript:

```console
$ python 01_raw_wsgi/app.py
Serving on http://127.0.0.1:8000/
$ curl -s http://127.0.0.1:8000/
<h1>Hi</h1>
$ rm cookies.txt
```

```sh
make test
```
"""


def test_parse_finds_commands_and_their_output_in_console_blocks_only():
    steps = parse(README)
    assert [s.command for s in steps] == [
        "python 01_raw_wsgi/app.py",
        "curl -s http://127.0.0.1:8000/",
        "rm cookies.txt",
    ]
    assert [s.starts_server for s in steps] == [True, False, False]
    assert steps[1].expected == "<h1>Hi</h1>\n"
    assert steps[2].expected == ""


@pytest.mark.parametrize(
    "command",
    [
        "python 04_flask_basic/app.py",
        "flask --app 04_flask_basic/app.py run",
        "FLASK_DATABASE=instance/t.sqlite python 06_factory/app.py",
    ],
)
def test_server_commands(command):
    assert parse(f"```console\n$ {command}\n```\n")[0].starts_server


def test_settings_before_a_command_become_its_environment():
    step = parse("```console\n$ A=1 B=x/y python 06_factory/app.py\n```\n")[0]
    assert step.settings_and_argv == ({"A": "1", "B": "x/y"}, ["python", "06_factory/app.py"])


@pytest.mark.parametrize("command", ["flask --app x/app.py routes", "python -c 'print(1)'"])
def test_other_commands_are_replayed_not_served(command):
    assert not parse(f"```console\n$ {command}\n```\n")[0].starts_server


def test_normalise_hides_what_changes_between_runs():
    text = (
        "Date: Sun, 22 Nov 2026 03:27:04 GMT\r\n"
        "[2026-11-22 03:14:26] GET / 200 OK (1.7ms)\n"
        '127.0.0.1 - - [22/Nov/2026 03:27:04] "GET / HTTP/1.1" 200 -  \n'
        "Set-Cookie: a=b; Expires=Tue, 22 Dec 2026 03:21:28 GMT; Path=/\n"
        "\x1b[33mPress CTRL+C to quit\x1b[0m at 127.0.0.1:4321\n"
    )
    assert normalise(text, "127.0.0.1:4321").splitlines() == [
        "Date: <varies>",
        "[<time>] GET / 200 OK (<ms>)",
        '127.0.0.1 - - [<time>] "GET / HTTP/1.1" 200 -',
        "Set-Cookie: a=b; Expires=<date>; Path=/",
        "Press CTRL+C to quit at 127.0.0.1:8000",
    ]


@pytest.mark.parametrize(
    ("expected", "actual", "result"),
    [
        ("", "", True),
        ("a\nb", "a\nb", True),
        ("a\nb", "a\nc", False),
        ("a\n...\nd", "a\nb\nc\nd", True),
        ("a\n...\nd", "a\nd", True),
        ("a\n...\nd", "a\nb\nc", False),
        ("a", "a\nextra", False),
        ("...", "anything\nat all", True),
    ],
)
def test_matches_with_ellipsis_lines(expected, actual, result):
    assert matches(expected, actual) is result
