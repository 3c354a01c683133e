"""Someone not on Alex's team (Omar) gets the same JSON 404 on every route about Alex, by token or
by session, for reads and writes alike: never a 403, never a hint that Alex exists."""

from collections.abc import Callable

import pytest

from livingplan.core.models import AuditEvent
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World

NOT_FOUND = {"detail": "Not found.", "code": "not_found"}


def routes(plan: Plan) -> list[tuple[str, str, dict | None]]:
    outcome = plan.outcomes.get()
    action = plan.actions.get()
    revision = plan.revision
    return [
        ("get", "", None),
        ("get", "/plan", None),
        ("get", "/plan/versions", None),
        ("get", "/plan/versions/1", None),
        ("get", "/plan/outcomes", None),
        ("get", "/about-me", None),
        ("post", "/plan/outcomes", {"expected_revision": revision, "text": "Go swimming"}),
        (
            "post",
            f"/plan/outcomes/{outcome.pk}/actions",
            {"expected_revision": revision, "what": "Buy a swimsuit", "owner_name": "Alex", "layer": "1_SELF_CARE"},
        ),
        ("patch", f"/plan/actions/{action.pk}", {"expected_revision": revision, "status": "DONE"}),
        ("post", f"/plan/outcomes/{outcome.pk}/progress", {"expected_revision": revision, "score": 7}),
        ("post", "/about-me", {"expected_revision": revision, "section": "ABOUT_PLEASE_DO", "text": "Knock"}),
    ]


def call(api: Api, method: str, path: str, body: dict | None):
    return api.get(path) if method == "get" else getattr(api, method)(path, body)


@pytest.mark.parametrize("by", ["token", "session"])
def test_omar_gets_the_same_404_on_every_route_about_alex(
    world: World, agreed: Plan, api_as: Callable[..., Api], session_api: Callable[[str], Api], by: str
) -> None:
    omar = api_as("omar") if by == "token" else session_api("omar")
    before = (agreed.revision, AuditEvent.objects.count())
    for method, rest, body in routes(agreed):
        response = call(omar, method, url(world, rest), body)
        assert (response.status_code, response.json()) == (404, NOT_FOUND), (method, rest)
        assert response["Content-Type"] == "application/json; charset=utf-8"
    agreed.refresh_from_db()
    assert (agreed.revision, AuditEvent.objects.count()) == before


def test_the_404_for_alex_is_the_404_for_nobody_at_all(world: World, plan: Plan, api_as) -> None:
    omar = api_as("omar")
    hidden = omar.get(url(world, "/plan"))
    missing = omar.get("/api/v1/people/987654/plan")
    assert (hidden.status_code, hidden.content) == (missing.status_code, missing.content)


def test_the_routes_omar_is_refused_are_real_for_alex(world: World, agreed: Plan, api_as) -> None:
    """The control for the test above: every read answers Alex, and every write reaches the plan
    (an agreed plan refuses new content with 409, which is not a 404)."""
    alex = api_as("alex")
    for method, rest, body in routes(agreed):
        assert call(alex, method, url(world, rest), body).status_code in (200, 201, 409), (method, rest)


def test_omar_lists_nobody_and_alex_lists_himself(world: World, plan: Plan, api_as) -> None:
    assert api_as("omar").get("/api/v1/people").json() == {"count": 0, "items": []}
    body = api_as("alex").get("/api/v1/people").json()
    assert [p["id"] for p in body["items"]] == [world.alex_record.pk]


@pytest.mark.parametrize("username", ["alex", "sam", "priya", "dr.jones", "morgan", "quinn"])
def test_everyone_on_alexs_team_or_overseeing_him_can_see_him(world: World, plan: Plan, api_as, username) -> None:
    assert api_as(username).get(url(world)).status_code == 200


@pytest.mark.parametrize("username", ["omar", "casey", "admin"])
def test_staff_without_a_reason_to_see_alex_get_404(world: World, plan: Plan, api_as, username) -> None:
    assert api_as(username).get(url(world, "/plan")).status_code == 404


def test_a_person_without_a_plan_yet_says_so_to_those_who_may_see_them(world: World, api_as) -> None:
    response = api_as("priya").get(url(world, "/plan"))
    assert response.status_code == 404
    assert response.json() == {"detail": "This person does not have a plan yet.", "code": "not_found"}
    assert api_as("omar").get(url(world, "/plan")).json() == NOT_FOUND
    assert api_as("priya").get(url(world)).json()["plan"] is None


def test_oversight_may_read_but_not_write(world: World, plan: Plan, api_as) -> None:
    """Morgan (approver at Alex's council) sees the plan but is not on the team: 403 with a reason."""
    morgan = api_as("morgan")
    assert morgan.get(url(world, "/plan")).status_code == 200
    response = morgan.post(url(world, "/plan/outcomes"), {"expected_revision": plan.revision, "text": "Swim"})
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert "care team" in response.json()["detail"]


def test_unknown_paths_under_the_api_are_json_404s(world: World, api_as) -> None:
    for path in ("/api/v1/nothing", "/api/v1/people/", f"/api/v1/people/{world.alex_record.pk}/plan/risks"):
        response = api_as("alex").get(path)
        assert (response.status_code, response.json()) == (404, NOT_FOUND), path


def test_a_method_a_route_does_not_have_is_405(world: World, plan: Plan, api_as) -> None:
    assert api_as("alex").client.delete(url(world, "/plan"), headers=api_as("alex").headers).status_code == 405
