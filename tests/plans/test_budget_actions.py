"""Issue 8 #9: with the budget not shared, Sam saw 37 actions under "My personal budget".

Actions in the personal-budget layer belong to the budget group of sharing (plans.sharing):
hidden from whoever the budget is hidden from, on the plan page, in the API, in documents and
comparisons, and their URLs are 404. Sam is in Alex's circle, who by default do not see money.
"""

from collections.abc import Callable

import pytest
from django.test import Client

from livingplan.plans import services
from livingplan.plans.models import Action, ActionStatus, Layer, Plan
from livingplan.plans.sections import SharingGroup
from livingplan.plans.sharing import groups_visible_to
from tests.api.helpers import Api
from tests.documents.conftest import pdf_text
from tests.personas import World

BUDGET_ACTION = "Pay a personal assistant from my budget"
OWN_ACTION = "Leg exercises every morning"


@pytest.fixture
def budget(plan: Plan, world: World) -> Action:
    """Alex's plan, agreed as version 1, then a budget action and one of Alex's own added since."""
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex)
    services.start_review(plan, by=world.alex)
    outcome = plan.outcomes.get()
    services.add_action(outcome, by=world.alex, what=OWN_ACTION, owner_name="Me", layer=Layer.SELF_CARE)
    action = services.add_action(
        outcome, by=world.priya, what=BUDGET_ACTION, owner_name="Priya", layer=Layer.PERSONAL_BUDGET
    )
    assert SharingGroup.BUDGET not in groups_visible_to(world.sam, world.alex_record)
    return action


def _plan_url(world: World, rest: str = "") -> str:
    return f"/people/{world.alex_record.pk}/{rest}"


def test_sam_sees_no_budget_action_on_the_plan_page_priya_does(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    sams = client_for("sam").get(_plan_url(world, "plan/")).content.decode()
    assert OWN_ACTION in sams
    assert BUDGET_ACTION not in sams
    assert BUDGET_ACTION in client_for("priya").get(_plan_url(world, "plan/")).content.decode()


def test_sam_gets_no_budget_action_from_the_api(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    sam = Api(client_for("sam"))
    for path in ("plan", "plan/outcomes", "plan/versions/1"):
        body = sam.get(f"/api/v1/people/{world.alex_record.pk}/{path}").content.decode()
        assert BUDGET_ACTION not in body, path
    listed = sam.get(f"/api/v1/people/{world.alex_record.pk}/plan/outcomes").json()
    assert [a["what"] for o in listed["outcomes"] for a in o["actions"]] == ["Leg exercises every morning"]
    priya = Api(client_for("priya")).get(f"/api/v1/people/{world.alex_record.pk}/plan").content.decode()
    assert BUDGET_ACTION in priya


def test_sam_gets_no_budget_action_in_the_pdf(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    response = client_for("sam").get(_plan_url(world, "plan.pdf"))
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Leg exercises every morning" in text
    assert "personal assistant" not in text


def test_sam_does_not_see_a_budget_action_in_the_comparison(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    sams = client_for("sam").get(_plan_url(world, "plan/versions/compare/?from=1&to=current")).content.decode()
    assert OWN_ACTION in sams
    assert BUDGET_ACTION not in sams
    priyas = client_for("priya").get(_plan_url(world, "plan/versions/compare/?from=1&to=current"))
    assert BUDGET_ACTION in priyas.content.decode()


def test_a_budget_action_does_not_exist_for_sam(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    sam = client_for("sam")
    assert sam.get(_plan_url(world, f"plan/actions/{budget.pk}/status/")).status_code == 404
    assert sam.get(_plan_url(world, f"plan/action/{budget.pk}/different-view/")).status_code == 404
    plan = budget.plan
    plan.refresh_from_db()
    patch = Api(sam).patch(
        f"/api/v1/people/{world.alex_record.pk}/plan/actions/{budget.pk}",
        {"expected_revision": plan.revision, "status": ActionStatus.DONE},
    )
    assert patch.status_code == 404
    budget.refresh_from_db()
    assert budget.status == ActionStatus.NOT_STARTED


def test_sam_cannot_add_an_action_to_the_budget(
    world: World, budget: Action, client_for: Callable[[str], Client]
) -> None:
    sam = client_for("sam")
    outcome = budget.outcome
    form = sam.get(_plan_url(world, f"plan/outcomes/{outcome.pk}/actions/add/")).content.decode()
    assert "What I will do myself" in form
    assert Layer.PERSONAL_BUDGET.value not in form
    plan = budget.plan
    plan.refresh_from_db()
    body = {"expected_revision": plan.revision, "what": "Buy a bike", "owner_name": "Sam", "layer": "6_PERSONAL_BUDGET"}
    response = Api(sam).post(f"/api/v1/people/{world.alex_record.pk}/plan/outcomes/{outcome.pk}/actions", body)
    assert response.status_code == 422
    assert not Action.objects.filter(what="Buy a bike").exists()
