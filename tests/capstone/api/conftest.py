"""API fixtures: a token for any user, and headers that carry it."""

import pytest


@pytest.fixture
def token(client):
    """A function returning a real token for a username (password: the test password)."""

    def get(username, password="correct-horse-battery"):
        response = client.post("/api/v1/tokens", json={"username": username, "password": password})
        assert response.status_code == 200, response.get_json()
        return response.get_json()["access_token"]

    return get


@pytest.fixture
def auth(token):
    """A function returning Authorization headers for a username."""
    return lambda username: {"Authorization": f"Bearer {token(username)}"}
