from django.urls import URLPattern, URLResolver, path

from livingplan.interop import pages

app_name = "fhir_exports"
# Included under fhir/exports/ (config/urls.py): pages for people, beside /fhir/r4/ for systems.
urlpatterns: list[URLPattern | URLResolver] = [
    path("", pages.exports_list, name="list"),
    path("<id:export_pk>/", pages.progress, name="progress"),
    path("<id:export_pk>/cancel", pages.cancel, name="cancel"),
    path("<id:export_pk>/<str:kind>.ndjson", pages.download, name="file"),
]
