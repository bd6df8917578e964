"""The helpers that read the request: environ text, query string, Content-Length, form body."""

import io

import pytest


@pytest.mark.hint(
    "PEP 3333 hands you bytes as latin-1 characters: turn them back into those bytes "
    "(latin-1), then decode the bytes as UTF-8"
)
def test_wsgi_text_turns_latin1_characters_back_into_utf8_text(stage):
    assert stage.wsgi_text("Zo\xc3\xab") == "Zoë"


@pytest.mark.hint("catch UnicodeError and raise HTTPError(400, ...) from None")
def test_wsgi_text_refuses_bytes_that_are_not_utf8_with_400(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.wsgi_text("\xff")
    assert caught.value.code == 400


@pytest.mark.hint("parse_qs(query) gives lists: take [0]; a blank value counts as absent")
@pytest.mark.parametrize(
    ("query", "expected"),
    [("name=Bob", "Bob"), ("name=Bob&name=Eve", "Bob"), ("name=", "dflt"), ("", "dflt")],
)
def test_query_param_takes_the_first_non_blank_value(stage, query, expected):
    assert stage.query_param({"QUERY_STRING": query}, "name", "dflt") == expected


@pytest.mark.hint(
    "pass max_num_fields=MAX_FORM_FIELDS to parse_qs and turn its ValueError into HTTPError(400)"
)
def test_query_param_refuses_a_flood_of_fields(stage):
    flood = "&".join(f"f{i}=x" for i in range(stage.MAX_FORM_FIELDS + 1))
    with pytest.raises(stage.HTTPError) as caught:
        stage.query_param({"QUERY_STRING": flood}, "name", "")
    assert caught.value.code == 400


@pytest.mark.hint("an empty or missing CONTENT_LENGTH means 0 bytes")
@pytest.mark.parametrize(("raw", "expected"), [("", 0), ("  ", 0), ("12", 12), (" 7 ", 7)])
def test_content_length_accepts_blank_and_whole_numbers(stage, raw, expected):
    assert stage.content_length({"CONTENT_LENGTH": raw}) == expected
    assert stage.content_length({}) == 0


@pytest.mark.hint(
    "ASCII digits only, 400 otherwise ('²'.isdigit() is True!); over MAX_BODY_BYTES is 413"
)
@pytest.mark.parametrize(("raw", "code"), [("x", 400), ("-1", 400), ("²", 400), ("9" * 5000, 413)])
def test_content_length_refuses_nonsense_and_oversized_bodies(stage, raw, code):
    with pytest.raises(stage.HTTPError) as caught:
        stage.content_length({"CONTENT_LENGTH": raw})
    assert caught.value.code == code


def form_environ(body, content_type="application/x-www-form-urlencoded"):
    """A minimal environ carrying a request body."""
    return {
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": content_type,
        "wsgi.input": io.BytesIO(body),
    }


@pytest.mark.hint(
    "read exactly content_length(environ) bytes from wsgi.input, decode UTF-8, then parse_qs"
)
def test_read_form_parses_urlencoded_utf8(stage):
    form = stage.read_form(form_environ(b"message=Zo%C3%AB&message=2"))
    assert form == {"message": ["Zoë", "2"]}


@pytest.mark.hint("compare only the media type: CONTENT_TYPE.split(';')[0].strip().lower()")
def test_read_form_accepts_a_charset_parameter(stage):
    environ = form_environ(b"a=1", "application/x-www-form-urlencoded; charset=UTF-8")
    assert stage.read_form(environ) == {"a": ["1"]}


@pytest.mark.hint("anything but application/x-www-form-urlencoded is HTTPError(415)")
def test_read_form_refuses_other_media_types_with_415(stage):
    with pytest.raises(stage.HTTPError) as caught:
        stage.read_form(form_environ(b'{"message": "hi"}', "application/json"))
    assert caught.value.code == 415


@pytest.mark.hint("with a length of 0, return {} without touching wsgi.input")
def test_read_form_without_a_body_reads_nothing(stage):
    environ = {"wsgi.input": None}  # Reading from it would fail loudly.
    assert stage.read_form(environ) == {}
