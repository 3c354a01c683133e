"""The personal budget over the API: read with its lines and sign-off status by those the budget
part is shared with, sent for sign-off through the budgets app's verb; others get 404."""

from collections.abc import Callable, Iterator

import pytest
import time_machine

from livingplan.budgets import services
from livingplan.core.models import AuditEvent
from tests.api.helpers import Api, url
from tests.budgets.conftest import MONDAY, Ready, draft_budget, ready_plan
from tests.personas import World


@pytest.fixture
def ready(world: World) -> Iterator[Ready]:
    """Alex's plan ready for a budget, on a Monday in November (as in tests/budgets)."""
    with time_machine.travel(MONDAY, tick=False):
        yield ready_plan(world)


def test_priya_reads_the_budget_with_its_lines(world: World, ready: Ready, api_as: Callable[..., Api]) -> None:
    draft_budget(ready)
    body = api_as("priya", "read").get(url(world, "/budget")).json()
    assert (body["status"], body["yearly_pence"], len(body["lines"])) == ("DRAFTED", 8_736_00, 1)
    assert body["lines"][0]["provider"] == "Brightwell Home Care"
    event = AuditEvent.objects.filter(action="budgets.budget.viewed").get()
    assert event.actor_organisation == world.council_a.name


def test_priya_sends_it_for_sign_off_and_a_second_send_is_refused(
    world: World, ready: Ready, api_as: Callable[..., Api]
) -> None:
    draft_budget(ready)
    priya = api_as("priya")
    sent = priya.post(url(world, "/budget/submit"), {})
    assert (sent.status_code, sent.json()["status"]) == (200, "SUBMITTED")
    assert priya.post(url(world, "/budget/submit"), {}).status_code in {403, 409, 422}


def test_an_incomplete_budget_is_422_naming_what_is_missing(
    world: World, ready: Ready, api_as: Callable[..., Api]
) -> None:
    services.start_budget(world.alex_record, by=world.priya, indicative_pence=9_000_00, basis="RAS")
    refused = api_as("priya").post(url(world, "/budget/submit"), {})
    assert refused.status_code == 422
    assert refused.json()["detail"]


def test_an_outsider_or_someone_the_budget_is_not_shared_with_gets_404(
    world: World, ready: Ready, api_as: Callable[..., Api]
) -> None:
    draft_budget(ready)
    assert api_as("omar").get(url(world, "/budget")).status_code == 404
    assert api_as("omar").post(url(world, "/budget/submit"), {}).status_code == 404


def test_no_budget_yet_is_404(world: World, ready: Ready, api_as: Callable[..., Api]) -> None:
    assert api_as("priya").get(url(world, "/budget")).status_code == 404
