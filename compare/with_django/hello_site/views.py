"""The hello app's views: each takes Django's HttpRequest and returns an HttpResponse."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST
from django.views.decorators.http import require_safe

# What the capstone answers for an address under /api/ that names nothing.
API_NOT_FOUND = {
    "error": "not_found",
    "message": "The requested URL was not found on the server. If you entered the URL "
    "manually please check your spelling and try again.",
}


@require_safe  # GET and HEAD; any other method gets 405 with an Allow header
def index(request):
    """The welcome page, linking every route."""
    return render(request, "index.html", {"default_name": settings.DEFAULT_NAME})


@require_safe
def hello(request, name):
    """Greet the name from the path; the <str:name> converter stops at a slash."""
    return render(request, "greeting.html", {"name": name})


@require_safe
def greet(request):
    """Greet the name from the query string, or the configured default."""
    name = request.GET.get("name", "").strip() or settings.DEFAULT_NAME
    return render(request, "greeting.html", {"name": name})


@require_POST
def submit(request):
    """Show the submitted message; a blank one, or a body that is not UTF-8, is a 400."""
    try:
        request.body.decode("utf-8")  # Django's form parser replaces bad bytes silently
        message = request.POST.get("message", "")
    except RequestDataTooBig:
        # Django answers 400 for this; the contract (and HTTP) says 413.
        return render(request, "error.html", {"reason": "The body is too large."}, status=413)
    except UnicodeDecodeError:
        return render(request, "error.html", {"reason": "The body is not UTF-8."}, status=400)
    if not message.strip():
        reason = "The form needs a non-empty 'message' field."
        return render(request, "error.html", {"reason": reason}, status=400)
    return render(request, "submitted.html", {"message": message})


def not_found(request, exception):
    """Our 404 page, in the site's layout (handler404 in urls.py); JSON under /api/."""
    if request.path.startswith("/api/"):
        return JsonResponse(API_NOT_FOUND, status=404)
    return render(request, "404.html", status=404)
