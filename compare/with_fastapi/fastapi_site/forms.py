"""A route class that refuses a form body that is not UTF-8, before FastAPI parses it.

Starlette's form parser decodes percent-escapes with errors="replace": a body that
is not UTF-8 reaches the view as U+FFFD characters, and the view cannot tell. The
contract wants 400. FastAPI reads the form before the view and its dependencies
run, so the check goes one level up, in the route's handler: FastAPI's documented
way ("custom APIRoute class") to see the request before FastAPI does.
"""

from fastapi.routing import APIRoute

from fastapi_site.templating import templates


class StrictFormRoute(APIRoute):
    """An APIRoute whose handler first checks that a posted body decodes as UTF-8."""

    def get_route_handler(self):
        """Wrap FastAPI's handler; request.body() caches the bytes its form parser reads."""
        handle = super().get_route_handler()

        async def strict_handler(request):
            try:
                (await request.body()).decode("utf-8")
            except UnicodeDecodeError:
                context = {"reason": "The body is not UTF-8."}
                return templates.TemplateResponse(request, "error.html", context, 400)
            return await handle(request)

        return strict_handler
