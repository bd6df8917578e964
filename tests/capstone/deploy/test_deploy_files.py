"""The deployment files, checked without Docker (no engine here): they parse and agree.

The Dockerfile and docker-compose.yml were not run here; these tests check that they
name the right commands, ports, volumes and settings. gunicorn.conf.py and nginx.conf
are also run for real by the smoke test (test_smoke.py).
"""

import importlib.util
import json
import multiprocessing
import re
import shutil
import subprocess

import pytest
import yaml
from flask import request
from harness.stages import ROOT
from werkzeug.exceptions import default_exceptions

from capstone import create_app
from capstone.config import ENVIRONMENT_SETTINGS
from capstone.config import Config
from capstone.errors import render_json_error

DEPLOY = ROOT / "capstone" / "deploy"


def load_gunicorn_config():
    """gunicorn.conf.py as a module, as gunicorn reads it."""
    spec = importlib.util.spec_from_file_location("gunicorn_conf", DEPLOY / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gunicorn_settings(monkeypatch):
    for name in ("WEB_CONCURRENCY", "WEB_THREADS", "FORWARDED_ALLOW_IPS", "PORT", "HOST"):
        monkeypatch.delenv(name, raising=False)
    conf = load_gunicorn_config()
    assert conf.wsgi_app == "capstone.wsgi:application"
    assert conf.worker_class == "gthread"  # an open WebSocket holds a thread
    # The numbers capstone/README.md gives: 2 x cores + 1 workers, at most 9; 25 threads.
    assert conf.workers == min(2 * multiprocessing.cpu_count() + 1, 9)
    assert conf.threads == 25
    assert conf.bind == "127.0.0.1:8000"  # loopback: only nginx, on this host, reaches it
    assert conf.forwarded_allow_ips == "127.0.0.1"
    assert conf.accesslog == "-" and conf.errorlog == "-"
    assert conf.graceful_timeout > 0
    assert not conf.preload_app  # each worker its own app: no shared connections or ids
    monkeypatch.setenv("WEB_CONCURRENCY", "2")
    monkeypatch.setenv("PORT", "9123")
    conf = load_gunicorn_config()
    assert (conf.workers, conf.bind) == (2, "127.0.0.1:9123")
    monkeypatch.setenv("HOST", "0.0.0.0")  # the image's, inside its network
    assert load_gunicorn_config().bind == "0.0.0.0:9123"


def test_the_dockerfile_builds_in_two_stages_and_runs_as_a_user():
    text = (DEPLOY / "Dockerfile").read_text()
    stages = re.findall(r"^FROM (\S+)(?: AS (\w+))?", text, re.MULTILINE)
    assert len(stages) == 2 and stages[0][1] == "build"
    assert "COPY --from=build" in text
    users = re.findall(r"^USER (\S+)", text, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^HEALTHCHECK .*\n.*?/health/ready", text, re.MULTILINE)
    assert 'CMD ["gunicorn", "-c", "/etc/capstone/gunicorn.conf.py"]' in text
    assert "COPY capstone/deploy/gunicorn.conf.py /etc/capstone/gunicorn.conf.py" in text
    assert "EXPOSE 8000" in text
    # gunicorn.conf.py listens on loopback; in the container nginx comes over the network.
    assert re.search(r"^ENV (?:.*\\\n)*\s*HOST=0\.0\.0\.0$", text, re.MULTILINE)


def compose():
    """docker-compose.yml, parsed (YAML anchors resolved)."""
    return yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_runs_every_piece():
    services = compose()["services"]
    assert {"web", "worker", "beat", "postgres", "redis", "nginx"} <= set(services)
    assert services["web"]["command"][:2] == ["gunicorn", "-c"]
    assert services["worker"]["command"][:4] == ["celery", "-A", "capstone.worker", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "capstone.worker", "beat"]
    assert services["migrate"]["command"] == ["flask", "--app", "capstone", "init-db"]
    assert services["nginx"]["ports"] == ["80:80"]  # the only published port
    published = [name for name, service in services.items() if "ports" in service]
    assert published == ["nginx"]


def test_compose_keeps_data_in_named_volumes():
    document = compose()
    named = set(document["volumes"])
    assert {"postgres", "redis", "uploads", "static"} <= named
    services = document["services"]
    assert "postgres:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    assert "uploads:/srv/uploads" in services["web"]["volumes"]
    assert "static:/srv/static:ro" in services["nginx"]["volumes"]
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            assert source in named or source.startswith("./"), volume


def test_compose_settings_are_ones_the_app_reads():
    environment = compose()["services"]["web"]["environment"]
    readable = set(ENVIRONMENT_SETTINGS) | {"CAPSTONE_ENV", "FORWARDED_ALLOW_IPS"}
    assert set(environment) <= readable
    assert environment["CAPSTONE_ENV"] == "production"
    assert environment["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert environment["UPLOAD_FOLDER"] == "/srv/uploads"


def test_nginx_allows_the_largest_upload_and_upgrades_websockets():
    text = (DEPLOY / "nginx.conf").read_text()
    size = re.search(r"client_max_body_size (\d+)m;", text)
    assert size and int(size.group(1)) * 1024 * 1024 > Config.MAX_ATTACHMENT_SIZE
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "location /static/" in text and "alias /srv/static/;" in text
    assert "X-Forwarded-Proto" in text


def test_nginx_sets_every_timeout_and_reads_requests_whole():
    text = (DEPLOY / "nginx.conf").read_text()
    settings = {}  # the first of each: the server's, not /socket.io/'s long read timeout
    for name, value in re.findall(r"^\s*(\w+) ([^;]+);", text, re.MULTILINE):
        settings.setdefault(name, value)
    for name in (
        "client_header_timeout",
        "client_body_timeout",
        "send_timeout",
        "keepalive_timeout",
        "proxy_connect_timeout",
        "proxy_send_timeout",
    ):
        assert re.fullmatch(r"\d+s", settings[name]), name  # stated, not nginx's default
    # gunicorn never sees a request before nginx has it whole (test_nginx_front.py).
    assert settings["proxy_request_buffering"] == "on"
    assert settings["proxy_buffering"] == "on"
    # nginx waits as long as gunicorn lets a request run, and no longer.
    assert settings["proxy_read_timeout"] == f"{load_gunicorn_config().timeout}s"


def nginx_error_pages():
    """{status: named location} of nginx.conf's error_page lines."""
    text = (DEPLOY / "nginx.conf").read_text()
    pages = {}
    for codes, target in re.findall(r"^\s*error_page ([\d ]+) (@\w+);", text, re.MULTILINE):
        pages.update(dict.fromkeys(map(int, codes.split()), target))
    return pages


def nginx_api_bodies():
    """{named location: (status, body)} of the JSON that nginx.conf returns under /api/."""
    text = (DEPLOY / "nginx.conf").read_text()
    found = re.findall(
        r"location (@\w+) \{[^}]*?if \(\$api_request\) \{\s*return (\d+) '((?:[^'\\]|\\.)*)';",
        text,
    )
    return {name: (int(status), body.replace("\\'", "'")) for name, status, body in found}


def test_nginx_answers_its_own_errors_under_the_api_as_the_app_would(app_config):
    pages, bodies = nginx_error_pages(), nginx_api_bodies()
    # A bad header or chunk, a stalled or too large body, gunicorn away or too slow.
    assert set(pages) == {400, 494, 408, 413, 502, 504}
    app = create_app(app_config)
    for status, location in pages.items():
        sent_status, body = bodies[location]
        assert sent_status == (400 if status == 494 else status)  # 494: headers too large
        with app.test_request_context("/api/v1/anything"):
            expected = render_json_error(default_exceptions[sent_status]())
        assert body == expected.get_data(as_text=True), location


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed")
def test_nginx_accepts_the_file(tmp_path):
    config = tmp_path / "nginx.conf"
    # `web` resolves only on the compose network: check the syntax with a loopback upstream.
    config.write_text(
        (DEPLOY / "nginx.conf").read_text().replace("server web:8000;", "server 127.0.0.1:8000;")
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(config), "-p", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_production_logs_are_json_lines(app_config, capsys):
    app = create_app(
        {**app_config, "ENV_NAME": "production", "SECRET_KEY": "x" * 40, "PUBLIC_URL": "https://t"}
    )
    with app.test_request_context("/somewhere"):
        app.logger.warning("hello %s", "there")
    [line] = [line for line in capsys.readouterr().out.splitlines() if "hello" in line]
    entry = json.loads(line)
    assert entry["message"] == "hello there" and entry["level"] == "WARNING"
    assert entry["path"] == "/somewhere"


FORWARDED = {
    "X-Forwarded-For": "203.0.113.7",
    "X-Forwarded-Proto": "https",
    "X-Forwarded-Host": "tasks.example.org",
}


def seen_with(app_config, **config):
    """The client address, scheme and host an app with `config` sees behind a proxy."""
    app = create_app({**app_config, **config})

    @app.route("/seen")
    def seen():
        return [request.remote_addr, request.scheme, request.host]

    return tuple(app.test_client().get("/seen", headers=FORWARDED).get_json())


def test_forwarded_headers_count_only_with_trusted_proxies(app_config):
    # Without a proxy in front, anyone could send these headers: they are ignored.
    assert seen_with(app_config) == ("127.0.0.1", "http", "localhost")
    assert seen_with(app_config, TRUSTED_PROXIES=1) == ("203.0.113.7", "https", "tasks.example.org")
