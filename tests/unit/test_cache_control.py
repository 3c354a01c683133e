"""No response with personal data may be kept by a browser or a cache: `Cache-Control: private, no-store`.

Every URL of the access matrix, as every persona and over the API with a bearer token, whatever
the status (a 404 or a form's redirect says something about a record too). Public pages and
static files for signed-out visitors keep their own caching.
"""

from collections.abc import Callable

import pytest
from django.http.response import HttpResponseBase
from django.test import Client

from livingplan.api import tokens
from livingplan.api.models import TokenScope
from tests.personas import PERSONAS, AlexPlan, World, build_alex_plan
from tests.unit.test_access_matrix import MATRIX, fill


@pytest.fixture
def records(world: World) -> AlexPlan:
    return build_alex_plan(world)


def not_stored(response: HttpResponseBase) -> bool:
    value = response.get("Cache-Control", "")
    directives = {part.strip() for part in value.split(",")}
    return {"private", "no-store"} <= directives


@pytest.mark.parametrize("template", MATRIX)
def test_every_page_a_signed_in_persona_opens_is_not_stored(
    records: AlexPlan, client_for: Callable[[str], Client], template: str
) -> None:
    url = fill(template, records)
    headers = {persona: client_for(persona).get(url).get("Cache-Control") for persona in PERSONAS}

    assert {p: h for p, h in headers.items() if h is None or "no-store" not in h} == {}
    assert not_stored(client_for("sam").get(url))


def test_a_form_sent_by_a_signed_in_persona_is_answered_not_stored(
    records: AlexPlan, client_for: Callable[[str], Client]
) -> None:
    person = records.world.alex_record.pk
    data = {"text": "", "importance": "3", "revision": str(records.plan.revision)}
    response = client_for("alex").post(f"/people/{person}/plan/outcomes/add/", data)

    assert response.status_code == 400  # re-shown with what was typed and the error
    assert not_stored(response)


@pytest.mark.parametrize("template", [t for t in MATRIX if t.startswith("/api/")])
def test_every_api_answer_to_a_bearer_token_is_not_stored(records: AlexPlan, template: str) -> None:
    token = tokens.issue(records.world.priya, name="test", scope=TokenScope.READ)[1]
    response = Client().get(fill(template, records), headers={"Authorization": f"Bearer {token}"})

    assert not_stored(response), (response.status_code, response.get("Cache-Control"))


def test_the_api_answers_a_wrong_token_not_stored(records: AlexPlan) -> None:
    response = Client().get("/api/v1/people", headers={"Authorization": "Bearer lp_not-a-token"})

    assert response.status_code == 401
    assert not_stored(response)


def test_the_pdf_keeps_the_header_its_view_chose(records: AlexPlan, client_for: Callable[[str], Client]) -> None:
    response = client_for("alex").get(f"/people/{records.world.alex_record.pk}/plan.pdf")

    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("url", ["/accessibility-statement/", "/privacy-notice/"])
def test_public_pages_for_signed_out_visitors_are_left_alone(db: None, url: str) -> None:
    response = Client().get(url)

    assert response.status_code == 200
    assert "Cache-Control" not in response


def test_pages_that_choose_their_own_caching_keep_it(db: None) -> None:
    """Sign-in and the health check say never_cache themselves; the middleware does not overwrite it."""
    for url in ("/sign-in/", "/healthz"):
        assert "no-cache" in Client().get(url)["Cache-Control"], url


def test_static_files_keep_their_own_caching(db: None, client_for: Callable[[str], Client]) -> None:
    response = client_for("alex").get("/static/dist/livingplan.css")

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
