from django.urls import URLPattern, URLResolver, path

from livingplan.journeys.views import planning

app_name = "journeys"
# Included under people/<id:person_pk>/ (config/urls.py).
urlpatterns: list[URLPattern | URLResolver] = [
    path("planning/", planning.planning, name="planning"),
    path("planning/start/", planning.start, name="start"),
]
