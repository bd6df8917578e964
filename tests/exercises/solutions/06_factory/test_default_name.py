"""Exercise 2: a test with its own configuration, which a factory makes easy."""

from hello_factory import create_app


def test_greet_greets_the_configured_default(tmp_path):
    app = create_app(
        {"ENV_NAME": "testing", "DATABASE": str(tmp_path / "t.sqlite"), "DEFAULT_NAME": "Grace"}
    )
    assert "<h1>Hello, Grace!</h1>" in app.test_client().get("/greet").text
