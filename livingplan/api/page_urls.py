"""The organisation admin's token pages, under `api-tokens/` (config/urls.py)."""

from django.urls import URLPattern, path

from livingplan.api import pages

app_name = "api_tokens"
urlpatterns: list[URLPattern] = [
    path("organisations/<id:organisation_pk>/", pages.index, name="index"),
    path("organisations/<id:organisation_pk>/new/", pages.new, name="new"),
    path("organisations/<id:organisation_pk>/<id:pk>/revoke/", pages.revoke, name="revoke"),
]
