"""An organisation's review policy (ADR-049): its admin sets it on a page of its own, every clock,
date and list follows it for the people whose care it leads, and nobody else may see the page."""

import datetime as dt
from collections.abc import Callable

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from livingplan.core.workdays import LONDON
from livingplan.reviews import clocks, services, targets
from livingplan.reviews.models import ReviewPolicy, TriggerCategory
from tests.personas import World
from tests.reviews.conftest import Agreed

ClientFor = Callable[[str], Client]


def _policy_url(world: World) -> str:
    return reverse("reviews_staff:policy", args=[world.council_a.pk])


def _form(**changed: str) -> dict[str, str]:
    form = {
        "every_months": "6",
        "first_review_weeks": "8",
        "answer_days": "5",
        "update_days": "20",
        "extra_reasons": "",
        **{f"decide_{category}": "10" for category in TriggerCategory.values},
    }
    return form | changed


def _set(world: World, *, medication: int = 2, answer_days: int = 5) -> ReviewPolicy:
    days = dict.fromkeys(TriggerCategory.values, 10) | {"SAFEGUARDING": 0, "MEDICATION": medication}
    return services.set_policy(
        world.council_a,
        by=world.admin,
        every_months=6,
        first_review_weeks=8,
        decision_days=days,
        answer_days=answer_days,
        update_days=20,
        extra_reasons=[],
    )


def test_without_a_policy_the_defaults_apply(world: World) -> None:
    policy = targets.for_person(world.alex_record)
    assert (policy.every_months, policy.first_review_weeks, policy.days_to_decide("MEDICATION")) == (6, 8, 2)


def test_the_admin_finds_the_page_on_their_home_and_sees_the_defaults(world: World, client_for: ClientFor) -> None:
    home = client_for("admin").get("/").content.decode()
    assert _policy_url(world) in home
    page = client_for("admin").get(_policy_url(world)).content.decode()
    assert "How Northbridge Council runs reviews" in page
    assert 'name="decide_MEDICATION" type="text" value="2"' in page


@pytest.mark.parametrize("who", ["priya", "morgan", "quinn", "alex"])
def test_nobody_but_the_organisations_admin_may_see_the_page(world: World, client_for: ClientFor, who: str) -> None:
    assert client_for(who).get(_policy_url(world)).status_code == 404


def test_more_than_twelve_months_between_reviews_is_refused_with_a_clear_message(
    world: World, client_for: ClientFor
) -> None:
    response = client_for("admin").post(_policy_url(world), _form(every_months="13"))
    assert response.status_code == 400
    assert (
        "Enter 12 months or fewer: the law says reviews must happen at least every 12 months"
        in response.content.decode()
    )
    assert not ReviewPolicy.objects.exists()


def test_a_missing_target_is_refused_the_nhs_way(world: World, client_for: ClientFor) -> None:
    response = client_for("admin").post(_policy_url(world), _form(answer_days=""))
    assert "Enter the number of working days" in response.content.decode()


def test_saving_adds_a_version_and_the_newest_applies(world: World, client_for: ClientFor) -> None:
    admin = client_for("admin")
    admin.post(_policy_url(world), _form(every_months="12", decide_MEDICATION="1", extra_reasons="Housing changed"))
    admin.post(_policy_url(world), _form(every_months="3", decide_MEDICATION="4", extra_reasons="Housing changed"))
    policy = targets.for_person(world.alex_record)
    assert ReviewPolicy.objects.count() == 2
    assert (policy.every_months, policy.days_to_decide("MEDICATION")) == (3, 4)
    assert ("ORG_HOUSING_CHANGED", "Housing changed") in policy.unplanned_reasons()


def test_an_organisations_own_reason_can_start_an_unplanned_review(agreed: Agreed, client_for: ClientFor) -> None:
    world = agreed.world
    client_for("admin").post(_policy_url(world), _form(extra_reasons="Housing changed"))
    start = reverse("reviews:start", args=[world.alex_record.pk])
    assert "Housing changed" in client_for("priya").get(start).content.decode()
    services.start_review(world.alex_record, by=world.priya, kind="UNPLANNED", unplanned_reason="ORG_HOUSING_CHANGED")


# Thursday 25 March 2027, 4pm in London: Good Friday and Easter Monday follow, and the clocks go
# forward on Sunday 28 March.
MAUNDY_THURSDAY = dt.datetime(2027, 3, 25, 16, 0, tzinfo=LONDON)


def test_a_policy_of_three_days_for_medication_counts_past_easter_and_the_clock_change(world: World) -> None:
    _set(world, medication=3)
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        trigger = services.answer_handover(
            world.alex_record, by=world.dr_jones, needs_change=True, category="MEDICATION", what_happened="New tablets"
        ).trigger
    assert trigger is not None
    clock = clocks.decision_clock(
        category=trigger.category,
        raised_at=trigger.raised_at,
        decided_at=None,
        policy=targets.for_person(world.alex_record),
    )
    # Tuesday 30 March, Wednesday 31, Thursday 1 April: due by the end of Thursday, in BST.
    assert clock.due == dt.datetime(2027, 4, 2, 0, 0, tzinfo=LONDON)


def test_priyas_caseload_and_the_persons_page_count_to_the_policy(world: World, client_for: ClientFor) -> None:
    _set(world, medication=5)
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        services.answer_handover(
            world.alex_record, by=world.dr_jones, needs_change=True, category="MEDICATION", what_happened="New tablets"
        )
        caseload = client_for("priya").get("/").content.decode()
        hub = client_for("priya").get(reverse("reviews:reviews", args=[world.alex_record.pk])).content.decode()
    assert "5 working days left" in caseload
    assert "5 working days left" in hub


def test_a_request_is_answered_within_the_policys_days(world: World) -> None:
    _set(world, answer_days=1)
    with time_machine.travel(MAUNDY_THURSDAY, tick=False):
        asked = services.request_review(world.alex_record, by=world.alex, reason="My tablets changed")
    clock = clocks.answer_clock(asked_at=asked.asked_at, answered_at=None, policy=targets.for_person(world.alex_record))
    assert clock.due == dt.datetime(2027, 3, 31, 0, 0, tzinfo=LONDON)  # Tuesday 30 March, after Easter
