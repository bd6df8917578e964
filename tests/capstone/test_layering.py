"""The capstone's imports point one way: blueprints -> services -> models -> database.

LAYERS is the one description of the direction, top to bottom. A module may import its
own layer and the layers below it, never one above: a service that imported the jobs
or the Socket.IO layer would make the two depend on each other (it publishes an event
instead, capstone/events.py). Blueprints and the two listeners (jobs, realtime) stand
side by side and never import one another; the web pages' helpers are theirs alone, so
the API shares only what is below both. There is no cycle, and no import hides inside a
function to dodge one: the factory's imports are the one exception (so that importing
`capstone.models` does not load every blueprint), as in Flask's tutorial.
"""

from pathlib import Path

import pytest

from tests.harness.layers import Layer
from tests.harness.layers import against_the_layers
from tests.harness.layers import cycles
from tests.harness.layers import in_functions
from tests.harness.layers import read_imports
from tests.harness.layers import unplaced

CAPSTONE = Path(__file__).parents[2] / "capstone"
WEB_BLUEPRINTS = (
    "capstone.admin",
    "capstone.auth",
    "capstone.billing",
    "capstone.main",
    "capstone.organizations",
    "capstone.projects",
    "capstone.tasks",
)
LAYERS = (
    Layer(
        "the factory and its commands",
        (
            "capstone",
            "capstone.wsgi",
            "capstone.worker",
            "capstone.cli",
            "capstone.seed",
            "capstone.migrate",
            "capstone.migrations",
            "capstone.deploy",
        ),
    ),
    Layer(
        "the blueprints and the listeners",
        (*WEB_BLUEPRINTS, "capstone.api", "capstone.health", "capstone.jobs", "capstone.realtime"),
        side_by_side=True,
    ),
    Layer(
        "the web pages' helpers",
        ("capstone.web", "capstone.forms", "capstone.account_forms"),
        only_for=(*WEB_BLUEPRINTS, "capstone"),  # and the factory, which calls web.init_app
    ),
    Layer(
        "what every request shares",
        (
            "capstone.http",
            "capstone.cache",
            "capstone.errors",
            "capstone.extensions",
            "capstone.security",
            "capstone.uploads",
            "capstone.logs",
        ),
    ),
    Layer("the services", ("capstone.services",)),
    Layer("the event registry", ("capstone.events",)),
    Layer("the models", ("capstone.models",)),
    Layer("the database", ("capstone.database",)),
    Layer(
        "settings, plans and the outside services (SMTP, Stripe)",
        ("capstone.config", "capstone.plans", "capstone.mail_transport", "capstone.stripe_api"),
    ),
)
FACTORY = {("capstone", "create_app")}


@pytest.fixture(scope="module")
def graph():
    """The capstone's imports, read once."""
    return read_imports(CAPSTONE)


def test_every_module_has_a_layer(graph):
    assert unplaced(graph, LAYERS) == []


def test_imports_point_down_the_layers(graph):
    assert against_the_layers(graph, LAYERS) == []


def test_the_imports_have_no_cycle(graph):
    assert cycles(graph) == []


def test_no_import_is_placed_inside_a_function(graph):
    assert in_functions(graph, allowed=FACTORY) == []


def planted(tmp_path, relative, line, at_the_end=False):
    """The capstone's imports with `line` added to one module of a copy of the package."""
    copy = tmp_path / "capstone"
    for path in CAPSTONE.rglob("*.py"):
        target = copy / path.relative_to(CAPSTONE)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    module = copy / relative
    text = module.read_text(encoding="utf-8")
    module.write_text(text + line if at_the_end else line + text, encoding="utf-8")
    return read_imports(copy)


def test_a_service_importing_the_jobs_is_caught_as_upward_and_as_a_cycle(tmp_path):
    graph = planted(tmp_path, "services/outbox.py", "import capstone.jobs\n")
    [upward] = against_the_layers(graph, LAYERS)
    assert upward == (
        "capstone.services.outbox (line 1) imports capstone.jobs: "
        "the blueprints and the listeners is above the services"
    )
    # Among them the cycle the issue found: jobs -> schedule -> digest -> outbox -> jobs.
    assert (
        "capstone.services.outbox -> capstone.jobs -> capstone.jobs.schedule"
        " -> capstone.services.digest -> capstone.services.outbox"
    ) in cycles(graph)


def test_the_api_using_a_web_page_helper_is_caught(tmp_path):
    graph = planted(tmp_path, "api/accounts.py", "from capstone.web import render_form\n")
    [problem] = against_the_layers(graph, LAYERS)
    assert "the web pages' helpers is only for capstone.admin" in problem


def test_one_blueprint_importing_another_is_caught(tmp_path):
    graph = planted(tmp_path, "main/views.py", "from capstone.auth import views\n")
    assert against_the_layers(graph, LAYERS) == [
        "capstone.main.views (line 1) imports capstone.auth.views: "
        "the blueprints and the listeners do not import one another"
    ]


def test_an_import_hidden_in_a_function_is_caught(tmp_path):
    hidden = "\n\ndef later():\n    from capstone import jobs\n"
    graph = planted(tmp_path, "services/outbox.py", hidden, at_the_end=True)
    [problem] = in_functions(graph, allowed=FACTORY)
    assert problem.startswith("capstone.services.outbox (line")
    assert problem.endswith("imports capstone.jobs inside later()")


def test_a_blueprint_registering_its_views_above_bp_is_a_cycle(tmp_path):
    graph = planted(tmp_path, "tasks/__init__.py", "from capstone.tasks import views\n")
    assert "capstone.tasks -> capstone.tasks.views -> capstone.tasks" in cycles(graph)
