"""Reviews over the API: ask for one, record a change, the coordinator decides; each read audited."""

import datetime as dt
from collections.abc import Callable

from django.utils import timezone

from livingplan.core.models import AuditEvent
from livingplan.plans.models import Plan
from tests.api.helpers import Api, url
from tests.personas import World

CHANGE = {"category": "MOBILITY", "what_happened": "A fall on the stairs", "noticed_on": "2026-11-30"}


def test_alex_asks_for_a_review_and_priya_sees_it(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    asked = api_as("alex").post(url(world, "/reviews/requests"), {"reason": "My legs are worse"})
    assert asked.status_code == 201
    listed = api_as("priya", "read").get(url(world, "/reviews")).json()
    assert [(r["reason"], r["asked_as"], r["answer"]) for r in listed["requests"]] == [
        ("My legs are worse", "PERSON", None)
    ]


def test_a_change_is_recorded_and_decided_once_by_the_coordinator(
    world: World, plan: Plan, api_as: Callable[..., Api]
) -> None:
    priya = api_as("priya")
    trigger = priya.post(url(world, "/reviews/triggers"), CHANGE).json()
    decision = {"decision": "UPDATE_PLAN", "reason": "Needs a stair lift"}
    path = url(world, f"/reviews/triggers/{trigger['id']}/decision")
    assert priya.post(path, decision).status_code == 201
    assert priya.post(path, decision).status_code == 422
    listed = priya.get(url(world, "/reviews")).json()["triggers"]
    assert listed[0]["decision"]["decision"] == "UPDATE_PLAN"


def test_only_the_care_team_records_changes_and_only_the_coordinator_decides(
    world: World, plan: Plan, api_as: Callable[..., Api]
) -> None:
    assert api_as("sam").post(url(world, "/reviews/triggers"), CHANGE).status_code == 403
    trigger = api_as("dr.jones").post(url(world, "/reviews/triggers"), CHANGE).json()
    path = url(world, f"/reviews/triggers/{trigger['id']}/decision")
    assert api_as("dr.jones").post(path, {"decision": "NO_CHANGE", "reason": "x"}).status_code == 403


def test_an_outsider_gets_404(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    omar = api_as("omar")
    assert omar.get(url(world, "/reviews")).status_code == 404
    assert omar.post(url(world, "/reviews/requests"), {"reason": "x"}).status_code == 404


def test_a_future_date_or_unknown_category_is_422(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    later = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    priya = api_as("priya")
    assert priya.post(url(world, "/reviews/triggers"), {**CHANGE, "noticed_on": later}).status_code == 422
    assert priya.post(url(world, "/reviews/triggers"), {**CHANGE, "category": "WEATHER"}).status_code == 422


def test_reading_reviews_is_audited_with_the_organisation(world: World, plan: Plan, api_as: Callable[..., Api]) -> None:
    api_as("priya").get(url(world, "/reviews"))
    event = AuditEvent.objects.filter(action="reviews.record.viewed").get()
    assert (event.person_id, event.actor_organisation) == (world.alex_record.pk, world.council_a.name)
