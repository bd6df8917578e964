"""The hello app in FastAPI: `app` is an ASGI application, served by uvicorn.

ASGI is WSGI's asynchronous successor: the server calls `await app(scope, receive,
send)`, where `scope` is a dict like WSGI's `environ`, and the body and the
response travel as messages through `receive` and `send`. FastAPI builds on
Starlette (routing, requests, responses, middleware) and adds its own layer: it
reads each path operation's signature to parse, validate and document the request.

Run it::

    python compare/with_fastapi/app.py          # HOST, PORT: 127.0.0.1:8000

or `uvicorn --app-dir compare/with_fastapi app:app`. In production: several uvicorn
workers under gunicorn, ``gunicorn -k uvicorn_worker.UvicornWorker --chdir
compare/with_fastapi app:app`` (or `uvicorn --workers N`).
"""

import os
import socket
import sys

import uvicorn
from fastapi import FastAPI
from fastapi import Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException

from fastapi_site import pages
from fastapi_site.limits import BodyLimitMiddleware
from fastapi_site.templating import templates
from tasks_slice import routes
from tasks_slice.errors import api_error_response

app = FastAPI(title="Hello, FastAPI")
app.include_router(pages.router)
app.include_router(routes.router)
app.add_middleware(BodyLimitMiddleware)


@app.exception_handler(HTTPException)
async def http_error(request: Request, error: HTTPException):
    """The capstone's JSON under /api/; elsewhere the hello app's 404 page, in HTML."""
    if request.url.path.startswith("/api/"):
        return api_error_response(error)
    if error.status_code == 404:
        return templates.TemplateResponse(request, "404.html", status_code=404)
    return await http_exception_handler(request, error)  # {"detail": ...}, Allow on 405


def serve():
    """Serve `app` with uvicorn on HOST:PORT (default 127.0.0.1:8000) until Ctrl-C."""
    host = os.environ.get("HOST", "127.0.0.1")
    port_text = os.environ.get("PORT", "8000")
    if not (port_text.isascii() and port_text.isdigit() and int(port_text) < 65536):
        sys.exit(f"PORT must be a number from 0 to 65535, not {port_text!r}.")
    # Listen first, so the port (PORT=0: a free one) is printed when it already takes
    # connections; they wait in the backlog until uvicorn has started.
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, int(port_text)))
    except OSError as error:
        sys.exit(f"Cannot listen on {host}:{port_text}: {error.strerror}.")
    listener.listen(2048)
    print(f"Serving compare/with_fastapi on http://{host}:{listener.getsockname()[1]}/", flush=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    server.run(sockets=[listener])


if __name__ == "__main__":
    serve()
