from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path, reverse

from livingplan.api.api import api
from livingplan.api.errors import json_not_found


def index(request: HttpRequest) -> JsonResponse:
    """/api/v1/: where the documentation is (ninja's own root page is an HTML 404 outside DEBUG)."""
    return JsonResponse({"docs": reverse("api:openapi-view"), "openapi": reverse("api:openapi-json")})


urlpatterns = [
    path("", index),
    path("", api.urls),
    re_path(r"", json_not_found),
]
