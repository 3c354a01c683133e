"""Due and review dates on the plan's forms: not before 2000, not more than 10 years ahead,
with the same words the API uses; nothing is saved when one is refused."""

import pytest

from livingplan.plans.models import Action, Layer, Plan
from tests.personas import World


def _url(world: World, path: str) -> str:
    return f"/people/{world.alex_record.pk}/{path}"


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("0001", "The due date must be on or after 1 January 2000"),
        ("9999", "The due date must be within 10 years from today"),
    ],
)
def test_an_action_due_at_an_implausible_date_is_a_form_error(
    world: World, plan: Plan, client_for, year: str, message: str
) -> None:
    outcome = plan.outcomes.get()
    response = client_for("priya").post(
        _url(world, f"plan/outcomes/{outcome.pk}/actions/add/"),
        {
            "revision": plan.revision,
            "what": "Refer to physiotherapy",
            "owner_name": "Priya",
            "layer": Layer.SPECIALIST,
            "due_on_day": "31",
            "due_on_month": "12",
            "due_on_year": year,
        },
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Action.objects.filter(outcome=outcome).exists()


def test_a_next_review_before_2000_is_a_form_error(world: World, plan: Plan, client_for) -> None:
    response = client_for("priya").post(
        _url(world, "plan/review-arrangements/"),
        {
            "revision": plan.revision,
            "next_review_on_day": "1",
            "next_review_on_month": "1",
            "next_review_on_year": "1999",
        },
    )

    assert response.status_code == 400
    assert "The next review date must be on or after 1 January 2000" in response.content.decode()
    plan.refresh_from_db()
    assert plan.next_review_on is None
