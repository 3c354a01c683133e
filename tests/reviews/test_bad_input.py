"""Bad input and races: clear errors, nothing half-saved, and the plan's revision rule between two
people completing the same review."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from livingplan.core.models import AuditEvent
from livingplan.plans.models import PlanStatus
from livingplan.plans.services import StaleEdit
from livingplan.reviews import services
from livingplan.reviews.models import (
    Decision,
    HandoverCheck,
    Review,
    ReviewCompletion,
    ReviewKind,
    Trigger,
    TriggerCategory,
    TriggerDecision,
)
from tests.reviews.conftest import Agreed

TODAY = timezone.localdate()


def _messages(error: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return error.value.message_dict


def test_a_change_with_no_category_or_date_is_refused_with_both_reasons(agreed: Agreed) -> None:
    with pytest.raises(ValidationError) as refused:
        services.raise_trigger(
            agreed.world.alex_record, by=agreed.world.priya, category="", what_happened="A fall", noticed_on=None
        )
    assert _messages(refused) == {
        "category": ["Choose what kind of change this is"],
        "noticed_on": ["Enter the date it was noticed"],
    }
    assert not Trigger.objects.exists()


def test_a_change_noticed_tomorrow_is_refused(agreed: Agreed) -> None:
    with pytest.raises(ValidationError, match="today or in the past"):
        services.raise_trigger(
            agreed.world.alex_record,
            by=agreed.world.priya,
            category=TriggerCategory.HEALTH,
            what_happened="A fall",
            noticed_on=TODAY + dt.timedelta(days=1),
        )


def test_a_handover_yes_without_what_happened_saves_neither_the_answer_nor_a_change(agreed: Agreed) -> None:
    with pytest.raises(ValidationError):
        services.answer_handover(
            agreed.world.alex_record,
            by=agreed.world.dr_jones,
            needs_change=True,
            category=TriggerCategory.MEDICATION,
            what_happened=" ",
        )
    assert (Trigger.objects.count(), HandoverCheck.objects.count()) == (0, 0)


def test_the_form_says_what_is_missing(agreed: Agreed, client_for: Callable[[str], Client]) -> None:
    url = f"/people/{agreed.world.alex_record.pk}/reviews/changes/new/"
    response = client_for("priya").post(url, {"what_happened": "A fall"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Select what kind of change this is" in page
    assert "Enter the date it was noticed" in page


def test_a_decision_recorded_twice_is_refused_and_the_first_stands(agreed: Agreed) -> None:
    world = agreed.world
    trigger = services.raise_trigger(
        world.alex_record,
        by=world.dr_jones,
        category=TriggerCategory.MEDICATION,
        what_happened="New tablets",
        noticed_on=TODAY,
    )
    services.decide_trigger(trigger, by=world.priya, decision=Decision.UPDATE_PLAN, reason="Times of visits change")
    with pytest.raises(ValidationError, match="already been recorded"):
        services.decide_trigger(trigger, by=world.priya, decision=Decision.NO_CHANGE, reason="On second thoughts")
    assert TriggerDecision.objects.get().decision == Decision.UPDATE_PLAN


def test_only_the_coordinator_decides(agreed: Agreed) -> None:
    world = agreed.world
    trigger = services.raise_trigger(
        world.alex_record, by=world.dr_jones, category=TriggerCategory.HEALTH, what_happened="A fall", noticed_on=TODAY
    )
    with pytest.raises(PermissionDenied):
        services.decide_trigger(trigger, by=world.dr_jones, decision=Decision.NO_CHANGE, reason="Fine")


def test_a_request_is_answered_once_and_a_no_needs_a_reason(agreed: Agreed) -> None:
    world = agreed.world
    asked = services.request_review(world.alex_record, by=world.alex, reason="I moved house")
    with pytest.raises(ValidationError) as refused:
        services.answer_request(asked, by=world.priya, accept=False, reason="")
    assert _messages(refused) == {"reason": ["Enter why there will not be a review now"]}
    services.answer_request(asked, by=world.priya, accept=True, review_on=TODAY + dt.timedelta(days=7))
    with pytest.raises(ValidationError, match="already been answered"):
        services.answer_request(asked, by=world.priya, accept=False, reason="Changed my mind")


def _started(agreed: Agreed) -> Review:
    world = agreed.world
    review = services.start_review(world.alex_record, by=world.priya, kind=ReviewKind.PLANNED)
    services.record_perspective(review, by=world.sam, working="He is out more")
    return review


def _complete(agreed: Agreed, review: Review, **overrides: object) -> ReviewCompletion:
    agreed.plan.refresh_from_db()
    fields: dict[str, object] = {
        "by": agreed.world.priya,
        "result": "NO_CHANGE",
        "persons_view": "It is going well",
        "took_part": "Alex, Sam, Priya",
        "expected_revision": agreed.plan.revision,
    }
    return services.complete_review(review, **{**fields, **overrides})  # type: ignore[arg-type]


def test_an_unplanned_review_needs_a_reason_from_the_list(agreed: Agreed) -> None:
    with pytest.raises(ValidationError) as refused:
        services.start_review(agreed.world.alex_record, by=agreed.world.priya, kind=ReviewKind.UNPLANNED)
    assert _messages(refused) == {"unplanned_reason": ["Choose why this review is happening now"]}
    agreed.plan.refresh_from_db()
    assert agreed.plan.status == PlanStatus.ACTIVE


def test_a_review_without_the_persons_view_or_a_reason_is_refused(agreed: Agreed) -> None:
    review = _started(agreed)
    with pytest.raises(ValidationError) as refused:
        _complete(agreed, review, persons_view="  ")
    assert _messages(refused) == {
        "persons_view": ["Enter the person's view in their own words, or why it could not be recorded"]
    }
    agreed.plan.refresh_from_db()
    assert (agreed.plan.status, agreed.plan.next_review_on) == (PlanStatus.UNDER_REVIEW, None)


def test_a_review_without_the_persons_view_but_with_a_reason_is_completed_and_flagged(agreed: Agreed) -> None:
    done = _complete(agreed, _started(agreed), persons_view="", no_view_reason="Alex was in hospital")
    assert done.is_flagged
    assert AuditEvent.objects.get(action="reviews.review.completed").detail["flagged"] is True


def test_two_people_completing_the_same_review_at_once_the_second_is_refused_and_nothing_is_half_saved(
    agreed: Agreed,
) -> None:
    review = _started(agreed)
    agreed.plan.refresh_from_db()
    opened_at = agreed.plan.revision  # both opened the page at this revision
    _complete(agreed, review, expected_revision=opened_at)
    with pytest.raises((StaleEdit, ValidationError)):
        _complete(agreed, review, expected_revision=opened_at, result="INCREASED")
    assert ReviewCompletion.objects.get().result == "NO_CHANGE"


def test_the_second_completion_posted_from_an_old_page_is_a_conflict(
    agreed: Agreed, client_for: Callable[[str], Client]
) -> None:
    review = _started(agreed)
    agreed.plan.refresh_from_db()
    services.check_outcome(review, agreed.outcome, by=agreed.world.priya, still_matters=True, progress=4)
    url = f"/people/{agreed.world.alex_record.pk}/reviews/{review.pk}/complete/"
    stale = {
        "revision": agreed.plan.revision,
        "result": "NO_CHANGE",
        "persons_view": "Fine",
        "took_part": "Alex",
        "months": "6",
    }
    _complete(agreed, review)  # someone else, a moment earlier
    response = client_for("priya").post(url, stale)
    assert response.status_code in (400, 409)
    assert ReviewCompletion.objects.count() == 1
