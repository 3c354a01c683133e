from django.urls import URLPattern, URLResolver, path

from livingplan.interop import bulk_views, import_views, views

app_name = "interop"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", import_views.post_bundle, name="post_bundle"),
    path("metadata", views.metadata, name="metadata"),
    # Bulk Data (ADR-045): before the read route, which would take `$export-status` for a type.
    path("$export", bulk_views.kick_off, {"level": "system"}, name="export"),
    path("Patient/$export", bulk_views.kick_off, {"level": "Patient"}, name="patient_export"),
    path("$export-status/<id:export_pk>", bulk_views.status, name="export_status"),
    path("$export-file/<id:export_pk>/<str:kind>.ndjson", bulk_views.download, name="export_file"),
    path("Questionnaire/<str:resource_id>", views.questionnaire, name="questionnaire"),
    path("Patient/<str:resource_id>/$everything", views.everything, name="everything"),
    path("<str:resource_type>/<str:resource_id>", views.read, name="read"),
    path("<str:resource_type>", views.search, name="search"),
    path("<path:path>", views.not_found, name="not_found"),
]
