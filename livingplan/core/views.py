"""Pages every user shares: health check, accessibility and privacy, errors."""

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        # Say which kind of failure without leaking connection strings.
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "reason": type(error).__name__}, status=503
        )
    return JsonResponse({"status": "ok", "database": "ok"})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.jinja")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.jinja")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/error.jinja", {"status": 404, "title": "Page not found"}, status=404)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Records a user may not see are 404s; this page is for CSRF and similar refusals.
    return render(request, "core/error.jinja", {"status": 403, "title": "You cannot do that"}, status=403)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(
        request, "core/error.jinja", {"status": 500, "title": "Sorry, there is a problem with the service"}, status=500
    )
