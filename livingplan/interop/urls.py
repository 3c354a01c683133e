from django.urls import URLPattern, URLResolver, path

from livingplan.interop import views

app_name = "interop"
urlpatterns: list[URLPattern | URLResolver] = [
    path("metadata", views.metadata, name="metadata"),
    path("Patient/<str:resource_id>/$everything", views.everything, name="everything"),
    path("<str:resource_type>/<str:resource_id>", views.read, name="read"),
    path("<str:resource_type>", views.search, name="search"),
    path("<path:path>", views.not_found, name="not_found"),
]
