"""The API holds dates to the same bounds, with the same words, as the forms (core.dates)."""

import datetime as dt

import pytest
from django.utils import timezone

from livingplan.plans.models import Action, Plan, ProgressScore
from tests.api.helpers import url
from tests.personas import World


def _ten_years_ahead() -> dt.date:
    today = timezone.localdate()
    return today.replace(year=today.year + 10, day=min(today.day, 28))


@pytest.mark.parametrize(
    ("due_on", "message"),
    [
        ("0001-01-01", "The due date must be on or after 1 January 2000"),
        ("1999-12-31", "The due date must be on or after 1 January 2000"),
        ("9999-12-31", "The due date must be within 10 years from today"),
        (0, "The due date must be on or after 1 January 2000"),  # pydantic reads a number as a Unix time
    ],
)
def test_an_action_due_at_an_implausible_date_is_422_naming_the_field(
    world: World, plan: Plan, api_as, due_on: object, message: str
) -> None:
    outcome = plan.outcomes.get()
    body = {"expected_revision": plan.revision, "what": "Physio", "owner_name": "Priya", "layer": "5_SPECIALIST"}

    response = api_as("priya").post(url(world, f"/plan/outcomes/{outcome.pk}/actions"), {**body, "due_on": due_on})

    assert response.status_code == 422, response.content
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", "payload", "due_on"]
    assert error["msg"] == message
    assert Action.objects.filter(outcome=outcome).count() == 1  # only the one already there


@pytest.mark.parametrize("due_on", ["2000-01-01", "2026-03-01"])
def test_an_action_due_within_the_window_is_accepted(world: World, plan: Plan, api_as, due_on: str) -> None:
    outcome = plan.outcomes.get()
    body = {"expected_revision": plan.revision, "what": "Physio", "owner_name": "Priya", "layer": "5_SPECIALIST"}

    response = api_as("priya").post(url(world, f"/plan/outcomes/{outcome.pk}/actions"), {**body, "due_on": due_on})

    assert response.status_code == 201, response.content
    assert response.json()["action"]["due_on"] == due_on


def test_ten_years_ahead_is_the_last_due_date_accepted(world: World, plan: Plan, api_as) -> None:
    outcome = plan.outcomes.get()
    body = {"expected_revision": plan.revision, "what": "Physio", "owner_name": "Priya", "layer": "5_SPECIALIST"}
    last = _ten_years_ahead()

    response = api_as("priya").post(
        url(world, f"/plan/outcomes/{outcome.pk}/actions"), {**body, "due_on": last.isoformat()}
    )

    assert response.status_code == 201, response.content


def test_progress_recorded_in_the_future_is_422_with_the_forms_words(world: World, plan: Plan, api_as) -> None:
    outcome = plan.outcomes.get()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    before = ProgressScore.objects.count()

    response = api_as("alex").post(
        url(world, f"/plan/outcomes/{outcome.pk}/progress"),
        {"expected_revision": plan.revision, "score": 4, "recorded_on": tomorrow.isoformat()},
    )

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "The date must be today or in the past"
    assert ProgressScore.objects.count() == before
