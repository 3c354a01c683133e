"""Bad input is a 4xx with JSON saying what is wrong (422 naming the field); never a 500."""

from typing import get_args

import pytest
from django.core.exceptions import ValidationError

from livingplan.api import schemas
from livingplan.plans import services
from livingplan.plans.models import Plan
from livingplan.plans.sections import ABOUT_ME_SECTIONS
from tests.api.helpers import Api, url
from tests.personas import World

HUGE = 10**30
GARBAGE_BODIES = [
    "{garbage",
    "",
    "null",
    "[]",
    '"a string"',
    "123",
    "{}",
    '{"expected_revision": "abc"}',
    '{"expected_revision": -1}',
    f'{{"expected_revision": {HUGE}}}',
    '{"expected_revision": 1.5}',
    '{"expected_revision": true}',
    '{"expected_revision": null}',
    '{"expected_revision": [1]}',
    '{"expected_revision": {"a": 1}}',
    '{"expected_revision": 1, "text": 5, "what": [], "owner_name": {}, "score": "7", "status": "NOPE", "section": 1}',
    '{"expected_revision": 1, "text": "\\u0000", "what": "\\u0000", "owner_name": "a", "layer": "1_SELF_CARE"}',
    '{"expected_revision": 1, "text": "' + "x" * 5000 + '", "score": 11, "status": "done", "section": "NEEDS"}',
    '{"expected_revision": 1, "importance": 99, "due_on": "2026-02-30", "recorded_on": "yesterday", "layer": "x"}',
    '{"expected_revision": 1, "due_on": "99999-01-01", "recorded_on": 123456789012345678901234567890}',
    "[" * 5000 + "]" * 5000,
    '{"a": ' * 2000 + "1" + "}" * 2000,
    "\xff\xfe not utf-8",
]


def write_routes(plan: Plan) -> list[tuple[str, str]]:
    outcome, action = plan.outcomes.get(), plan.actions.get()
    return [
        ("post", "/plan/outcomes"),
        ("post", f"/plan/outcomes/{outcome.pk}/actions"),
        ("patch", f"/plan/actions/{action.pk}"),
        ("post", f"/plan/outcomes/{outcome.pk}/progress"),
        ("post", "/about-me"),
    ]


def test_garbage_bodies_on_every_write_route_are_400_or_422_and_change_nothing(
    world: World, plan: Plan, api_as
) -> None:
    alex: Api = api_as("alex")
    revision = plan.revision
    for method, rest in write_routes(plan):
        for raw in GARBAGE_BODIES:
            response = getattr(alex, method)(url(world, rest), raw=raw.encode("utf-8", "surrogateescape"))
            assert response.status_code in (400, 422), (method, rest, raw[:80], response.content[:300])
            assert response.json()["code"] in ("bad_request", "invalid")
    plan.refresh_from_db()
    assert plan.revision == revision


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/people/abc",
        "/api/v1/people/-1",
        "/api/v1/people/0",
        f"/api/v1/people/{HUGE}",
        "/api/v1/people/1.5",
        "/api/v1/people/%00",
        "/api/v1/people/1/plan/versions/abc",
        f"/api/v1/people/1/plan/versions/{HUGE}",
        "/api/v1/people/1/plan/versions/-3",
        "/api/v1/people?limit=abc",
        f"/api/v1/people?limit={HUGE}",
        "/api/v1/people?limit=0",
        "/api/v1/people?offset=-1",
        f"/api/v1/people?offset={HUGE}",
    ],
)
def test_bad_ids_and_query_strings_are_422_naming_the_parameter(world: World, plan: Plan, api_as, path: str) -> None:
    response = api_as("alex").get(path)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "invalid"
    assert response.json()["detail"][0]["loc"][0] in ("path", "query")


@pytest.mark.parametrize("method", ["post", "patch"])
def test_bad_ids_in_write_paths_are_422(world: World, plan: Plan, api_as, method: str) -> None:
    rest = "/plan/outcomes/abc/actions" if method == "post" else f"/plan/actions/{HUGE}"
    response = getattr(api_as("alex"), method)(url(world, rest), {"expected_revision": plan.revision})
    assert response.status_code == 422


def test_a_missing_field_is_named(world: World, plan: Plan, api_as) -> None:
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision})
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "payload", "text"], "msg": "Field required", "type": "missing"}
    ]


def test_blank_text_is_422_not_a_silent_empty_outcome(world: World, plan: Plan, api_as) -> None:
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision, "text": "   "})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "text"]


def test_strings_are_not_numbers_in_json_bodies(world: World, plan: Plan, api_as) -> None:
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": str(plan.revision), "text": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "payload", "expected_revision"]


def test_a_services_validation_error_is_422_with_its_field(world: World, plan: Plan, api_as, monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise ValidationError({"importance": ["Choose how important this is"]})

    monkeypatch.setattr(services, "add_outcome", refuse)
    response = api_as("alex").post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision, "text": "x"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": [
            {"loc": ["body", "payload", "importance"], "msg": "Choose how important this is", "type": "value_error"}
        ],
        "code": "invalid",
    }


def test_a_services_non_field_validation_error_is_422_on_the_body(
    world: World, plan: Plan, api_as, monkeypatch
) -> None:
    def refuse(*args, **kwargs):
        raise ValidationError("This suggestion has already been decided.")

    monkeypatch.setattr(services, "add_statement", refuse)
    body = {"expected_revision": plan.revision, "section": "ABOUT_PLEASE_DO", "text": "x"}
    response = api_as("alex").post(url(world, "/about-me"), body)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"loc": ["body", "payload"], "msg": "This suggestion has already been decided.", "type": "value_error"}
    ]


def test_the_about_me_sections_the_api_accepts_are_the_profiles_sections() -> None:
    assert list(get_args(schemas.AboutMeSection)) == [s.value for s in ABOUT_ME_SECTIONS]


def test_a_body_over_the_upload_limit_is_400(world: World, plan: Plan, api_as, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = {"expected_revision": plan.revision, "text": "x" * 20_000}
    response = api_as("alex").post(url(world, "/plan/outcomes"), body)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
