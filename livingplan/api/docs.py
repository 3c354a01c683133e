"""API docs that work offline and under the site's strict CSP.

Swagger UI is vendored from the npm package `swagger-ui-dist` into `static/api/swagger-ui/`
and started by `static/api/docs.js`: no CDN, no inline script, no inline style, and no call to
the online spec validator. The page also lists every operation, server-rendered from the same
OpenAPI schema, for anyone without JavaScript.
"""

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

METHODS = ("get", "post", "put", "patch", "delete")


def operations(schema: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"method": method.upper(), "path": path, "summary": operation.get("summary", "")}
        for path, item in schema.get("paths", {}).items()
        for method, operation in item.items()
        if method in METHODS
    ]


class OfflineSwagger(DocsBase):
    def render_page(self, request: HttpRequest, api: "NinjaAPI", **kwargs: Any) -> HttpResponse:
        context = {
            "title": api.title,
            "version": api.version,
            "openapi_url": self.get_openapi_url(api, kwargs),
            "operations": operations(api.get_openapi_schema(path_params=kwargs)),
            "csrf_token": get_token(request),
        }
        return render(request, "api/docs.jinja", context)
