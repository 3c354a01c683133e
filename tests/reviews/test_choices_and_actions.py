"""Asking for a review from a note, actions agreed at a review, the person's choice of how and how
often, and the consent on what they said (issue 13, ADR-049): what each person would notice."""

import datetime as dt
from collections.abc import Callable

import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingplan.core.workdays import LONDON
from livingplan.plans import notes
from livingplan.plans import services as plans
from livingplan.plans.models import Action
from livingplan.reviews import schedule, services
from livingplan.reviews.models import Review, ReviewChoice, ReviewRequest
from tests.reviews.conftest import Agreed

ClientFor = Callable[[str], Client]


def _hub(agreed: Agreed) -> str:
    return reverse("reviews:reviews", args=[agreed.world.alex_record.pk])


def test_sam_asks_for_a_review_from_his_note_and_the_request_says_so(agreed: Agreed, client_for: ClientFor) -> None:
    world = agreed.world
    note = notes.add_note(agreed.plan, by=world.sam, text="Dad has been falling asleep at lunch")
    sam = client_for("sam")
    notes_page = sam.get(reverse("plans:notes", args=[world.alex_record.pk])).content.decode()
    link = reverse("reviews_staff:ask_from_note", args=[note.pk])
    assert "Ask for a review about this note" in notes_page
    ask = sam.get(link, follow=True)
    assert "You are asking about this note: “Dad has been falling asleep at lunch”" in ask.content.decode()
    sent = sam.post(ask.redirect_chain[-1][0], {"reason": "The tablets may be too strong"})
    assert sent.status_code == 302
    asked = ReviewRequest.objects.get()
    assert (asked.note_id, asked.asked_by_id) == (note.pk, world.sam.pk)
    assert "Asked from a note between reviews." in client_for("priya").get(_hub(agreed)).content.decode()


def test_someone_who_cannot_see_the_note_cannot_ask_from_it(agreed: Agreed, client_for: ClientFor) -> None:
    note = notes.add_note(agreed.plan, by=agreed.world.sam, text="Dad seems low")
    link = reverse("reviews_staff:ask_from_note", args=[note.pk])
    assert client_for("casey").get(link).status_code == 404


def test_alexs_home_has_a_clear_button_to_ask_for_a_review(agreed: Agreed, client_for: ClientFor) -> None:
    home = client_for("alex").get("/").content.decode()
    assert "Ask for a review of your plan" in home


def _started(agreed: Agreed) -> Review:
    return services.start_review(agreed.world.alex_record, by=agreed.world.priya, kind="PLANNED")


def _action_url(review: Review, agreed: Agreed) -> str:
    return reverse("reviews:action", args=[review.person_id, review.pk, agreed.outcome.pk])


def test_an_action_without_who_or_when_is_refused(agreed: Agreed, client_for: ClientFor) -> None:
    review = _started(agreed)
    agreed.plan.refresh_from_db()
    response = client_for("priya").post(
        _action_url(review, agreed),
        {"revision": agreed.plan.revision, "what": "Try the bus to town", "layer": "1_SELF_CARE"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter who will do it" in page
    assert "Enter the date it will be done by" in page
    assert not Action.objects.exists()


def test_an_action_agreed_at_the_review_goes_into_the_plan(agreed: Agreed, client_for: ClientFor) -> None:
    review = _started(agreed)
    agreed.plan.refresh_from_db()
    due = timezone.localdate() + dt.timedelta(days=30)
    response = client_for("priya").post(
        _action_url(review, agreed),
        {
            "revision": agreed.plan.revision,
            "what": "Try the bus to town",
            "owner_name": "Sam Carter",
            "due_on_day": str(due.day),
            "due_on_month": str(due.month),
            "due_on_year": str(due.year),
            "layer": "2_FAMILY_FRIENDS",
        },
    )
    assert response.status_code == 302, response.content.decode()
    action = Action.objects.get()
    assert (action.outcome_id, action.owner_name, action.due_on) == (agreed.outcome.pk, "Sam Carter", due)
    page = client_for("priya").get(reverse("reviews:review", args=[review.person_id, review.pk])).content.decode()
    assert "Try the bus to town: Sam Carter, by" in page


def test_only_the_coordinator_adds_actions_at_the_review(agreed: Agreed, client_for: ClientFor) -> None:
    review = _started(agreed)
    assert client_for("alex").get(_action_url(review, agreed)).status_code == 403


def test_alex_chooses_a_phone_call_every_three_months_and_sees_it_in_plain_words(
    agreed: Agreed, client_for: ClientFor
) -> None:
    alex = client_for("alex")
    assert "You have not chosen yet. Reviews happen at least every 6 months." in alex.get(_hub(agreed)).content.decode()
    choose = reverse("reviews:choose", args=[agreed.world.alex_record.pk])
    assert alex.post(choose, {"how": "PHONE", "every_months": "3"}).status_code == 302
    assert "A phone call with my coordinator, every 3 months." in alex.get(_hub(agreed)).content.decode()
    priya_sees = client_for("priya").get(_hub(agreed)).content.decode()
    assert "A phone call with their coordinator, every 3 months." in priya_sees


def test_a_choice_beyond_the_organisations_limit_is_not_offered_or_taken(agreed: Agreed, client_for: ClientFor) -> None:
    choose = reverse("reviews:choose", args=[agreed.world.alex_record.pk])
    response = client_for("alex").post(choose, {"how": "MEETING", "every_months": "12"})
    assert response.status_code == 400
    assert "Choose a review at least every 6 months" in response.content.decode()
    assert not ReviewChoice.objects.exists()


def test_sam_cannot_choose_for_alex(agreed: Agreed, client_for: ClientFor) -> None:
    choose = reverse("reviews:choose", args=[agreed.world.alex_record.pk])
    assert client_for("sam").get(choose).status_code == 403


def _complete(agreed: Agreed, review: Review, months: int | None = None) -> None:
    agreed.plan.refresh_from_db()
    services.record_perspective(review, by=agreed.world.alex, working="My garden")
    services.complete_review(
        review,
        by=agreed.world.priya,
        result="NO_CHANGE",
        persons_view="Fine",
        took_part="Alex, Priya",
        months=months,
        expected_revision=agreed.plan.revision,
    )
    agreed.plan.refresh_from_db()


def test_the_schedule_follows_the_persons_choice(agreed: Agreed) -> None:
    world = agreed.world
    services.choose_how(world.alex_record, by=world.alex, how="PHONE", every_months=3)
    _complete(agreed, _started(agreed))  # no months given: as Alex chose
    agreed.plan.refresh_from_db()
    assert agreed.plan.next_review_on == schedule.add_months(timezone.localdate(), 3)


def test_a_choice_made_after_a_review_brings_the_next_one_forward(agreed: Agreed, client_for: ClientFor) -> None:
    world = agreed.world
    with time_machine.travel(dt.datetime(2027, 1, 11, 10, tzinfo=LONDON), tick=False):
        _complete(agreed, _started(agreed), months=6)
        plans.agree_plan(agreed.plan, by=world.alex)
        services.choose_how(world.alex_record, by=world.alex, how="SELF_WITH_FAMILY", every_months=2)
        page = client_for("alex").get(_hub(agreed)).content.decode()
    assert "11 March 2027" in page  # two months after the review, not six


def test_a_review_that_happens_early_moves_the_next_one(agreed: Agreed) -> None:
    world = agreed.world
    with time_machine.travel(dt.datetime(2027, 1, 11, 10, tzinfo=LONDON), tick=False):
        _complete(agreed, _started(agreed), months=6)
        plans.agree_plan(agreed.plan, by=world.alex)
    # Due 11 July; something changes and a review happens in April instead.
    with time_machine.travel(dt.datetime(2027, 4, 5, 10, tzinfo=LONDON), tick=False):
        _complete(agreed, _started(agreed), months=6)
    agreed.plan.refresh_from_db()
    assert agreed.plan.next_review_on == dt.date(2027, 10, 5)


def test_each_view_says_whether_it_may_be_used_without_their_name(agreed: Agreed, client_for: ClientFor) -> None:
    review = _started(agreed)
    services.record_perspective(review, by=agreed.world.sam, working="He goes out more", may_use_anonymously=True)
    services.record_perspective(review, by=agreed.world.alex, not_working="Mornings are rushed")
    page = client_for("priya").get(reverse("reviews:review", args=[review.person_id, review.pk])).content.decode()
    assert "May be used without their name to improve services" in page
    assert "Not to be used outside this review" in page
