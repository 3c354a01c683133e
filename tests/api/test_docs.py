"""The OpenAPI schema and the docs page, served from this site only (no CDN), under the strict CSP."""

import re
from pathlib import Path

from django.test import Client

import livingplan.api

EXPECTED_PATHS = {
    "/api/v1/people": {"get"},
    "/api/v1/people/{id}": {"get"},
    "/api/v1/people/{id}/contact-details": {"patch"},
    "/api/v1/people/{id}/plan": {"get"},
    "/api/v1/people/{id}/plan/versions": {"get"},
    "/api/v1/people/{id}/plan/versions/{number}": {"get"},
    "/api/v1/people/{id}/plan/status/{step}": {"post"},
    "/api/v1/people/{id}/plan/outcomes": {"get", "post"},
    "/api/v1/people/{id}/plan/outcomes/{outcome_id}/actions": {"post"},
    "/api/v1/people/{id}/plan/actions/{action_id}": {"patch"},
    "/api/v1/people/{id}/plan/outcomes/{outcome_id}/progress": {"post"},
    "/api/v1/people/{id}/about-me": {"get", "post"},
    "/api/v1/people/{id}/plan/notes": {"get", "post"},
    "/api/v1/people/{id}/reviews": {"get"},
    "/api/v1/people/{id}/budget": {"get"},
    "/api/v1/people/{id}/budget/submit": {"post"},
    "/api/v1/people/{id}/reviews/requests": {"post"},
    "/api/v1/people/{id}/reviews/triggers": {"post"},
    "/api/v1/people/{id}/reviews/triggers/{trigger_id}/decision": {"post"},
}


def test_the_openapi_schema_lists_every_route_with_both_ways_to_sign_in(db: None) -> None:
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert {path: set(ops) for path, ops in schema["paths"].items()} == EXPECTED_PATHS
    assert schema["components"]["securitySchemes"] == {
        "BearerToken": {"type": "http", "scheme": "bearer"},
        "Session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
    }
    create = schema["paths"]["/api/v1/people/{id}/plan/outcomes"]["post"]
    assert {"201", "403", "404", "409", "422"} <= set(create["responses"])


def test_the_docs_page_loads_swagger_ui_from_this_site_only(db: None) -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert sources == [
        "data:,",  # no favicon request
        "/static/api/swagger-ui/swagger-ui.css",
        "/static/api/swagger-ui/swagger-ui-bundle.js",
        "/static/api/docs.js",
    ]
    assert "<script>" not in html
    assert "style=" not in html
    assert 'data-openapi-url="/api/v1/openapi.json"' in html
    assert "<code>PATCH /api/v1/people/{id}/plan/actions/{action_id}</code>" in html  # the no-JavaScript list
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "cdn" not in csp


def test_the_vendored_swagger_files_are_served(db: None) -> None:
    for path in ("api/swagger-ui/swagger-ui-bundle.js", "api/swagger-ui/swagger-ui.css", "api/docs.js"):
        response = Client().get(f"/static/{path}")
        assert response.status_code == 200, path
        b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_the_vendored_css_has_no_source_map_reference_for_collectstatic_to_trip_on() -> None:
    folder = Path(livingplan.api.__file__).parent / "static" / "api" / "swagger-ui"
    assert "sourceMappingURL" not in (folder / "swagger-ui.css").read_text()
    assert "sourceMappingURL" not in (folder / "swagger-ui-bundle.js").read_text()
    assert (folder / "LICENSE").exists()


def test_the_api_root_points_at_the_docs(db: None) -> None:
    assert Client().get("/api/v1/").json() == {"docs": "/api/v1/docs", "openapi": "/api/v1/openapi.json"}
