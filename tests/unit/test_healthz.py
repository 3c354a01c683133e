"""`/healthz`: what the load balancer asks before sending anyone to this instance."""

import pytest
from django.db import OperationalError, connections
from django.test import Client


@pytest.mark.django_db
def test_healthz_says_ok_when_the_database_answers() -> None:
    response = Client().get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"], "a cached 'ok' would hide an outage"


@pytest.mark.django_db
def test_healthz_says_unavailable_with_a_reason_when_the_database_cannot_be_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unreachable(*args: object, **kwargs: object) -> None:
        raise OperationalError('connection to server at "10.0.0.5", port 5432 failed: Connection refused')

    monkeypatch.setattr(connections["default"], "cursor", unreachable)

    response = Client().get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable", "reason": "OperationalError"}
    assert "10.0.0.5" not in response.content.decode(), "connection details never leave the server"


@pytest.mark.django_db
def test_healthz_answers_only_get() -> None:
    assert Client().post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_needs_no_sign_in_even_where_a_second_factor_is_required(client_for, world) -> None:
    world.council_a.requires_two_factor = True
    world.council_a.save()

    assert client_for("priya").get("/healthz").status_code == 200
