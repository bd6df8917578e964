"""The URL configuration: Django matches the path against these patterns, in order."""

from django.urls import include
from django.urls import path

from hello_site import views

urlpatterns = [
    path("", views.index, name="index"),
    path("hello/<str:name>", views.hello, name="hello"),
    path("greet", views.greet, name="greet"),
    path("submit", views.submit, name="submit"),
    path("api/v1/", include("tasks_api.urls")),  # the capstone's API, a slice of it
]

# Django's default 404 page; ours is in the site's layout, as in stages 01 to 06.
handler404 = "hello_site.views.not_found"
