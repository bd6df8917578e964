"""The hello app's routes: path operations on an APIRouter, answering with templates.

FastAPI reads each function's signature: `name: str` in the path is a path
parameter, `name: str = ""` a query parameter, `Form()` a field of the posted form.
It checks and converts them before the function runs (a failure is FastAPI's 422).
"""

from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse

from fastapi_site.forms import StrictFormRoute
from fastapi_site.templating import templates

# /greet greets this name when none is given (the contract's DEFAULT_NAME).
DEFAULT_NAME = "World"
# GET routes answer HEAD too, as in every stage; FastAPI's @router.get answers GET only.
SAFE = ["GET", "HEAD"]

# The pages are HTML for browsers: left out of the OpenAPI document, which is the API's.
router = APIRouter(
    default_response_class=HTMLResponse, route_class=StrictFormRoute, include_in_schema=False
)


@router.api_route("/", methods=SAFE)
def index(request: Request):
    """The welcome page, linking every route."""
    return templates.TemplateResponse(request, "index.html", {"default_name": DEFAULT_NAME})


@router.api_route("/hello/{name}", methods=SAFE)
def hello(request: Request, name: str):
    """Greet the name from the path; {name} stops at a slash."""
    return templates.TemplateResponse(request, "greeting.html", {"name": name})


@router.api_route("/greet", methods=SAFE)
def greet(request: Request, name: str = ""):
    """Greet the name from the query string, or the default."""
    context = {"name": name.strip() or DEFAULT_NAME}
    return templates.TemplateResponse(request, "greeting.html", context)


@router.post("/submit")
def submit(request: Request, message: Annotated[str, Form()] = ""):
    """Show the submitted message; a blank one is a 400 (a body not UTF-8: forms.py).

    `message` has a default, so a missing field reaches this function (and gets the
    contract's 400) instead of FastAPI's 422 validation error.
    """
    if not message.strip():
        context = {"reason": "The form needs a non-empty 'message' field."}
        return templates.TemplateResponse(request, "error.html", context, 400)
    return templates.TemplateResponse(request, "submitted.html", {"message": message})
