"""The pages' Jinja2 templates, with `path_for` for links.

Starlette's own `url_for` in templates builds absolute URLs (http://host/hello/Alice);
the contract and stages 01 to 06 link with paths, so the templates get `path_for`,
the route's path alone (`app.url_path_for`, the same reverse routing).
"""

from pathlib import Path

import jinja2
from fastapi.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.trim_blocks = True
templates.env.lstrip_blocks = True


@jinja2.pass_context
def path_for(context, route, /, **path_params):
    """The path of a route, given its name and parameters ('/hello/Alice')."""
    return context["request"].app.url_path_for(route, **path_params)


templates.env.globals["path_for"] = path_for
