"""The issue's story, through the pages as each persona uses them: Alex asks for a review and sees
the answer; Dr Jones's handover raises a medication change; Priya decides, runs the review with each
view (Sam's too) and completes it; Alex agrees the new version, six months to the next review, and
rates the review."""

import datetime as dt
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from livingplan.notifications.models import OutboxMessage
from livingplan.plans.models import PlanStatus, PlanVersion
from livingplan.reviews import schedule
from livingplan.reviews.models import (
    Perspective,
    Review,
    ReviewCompletion,
    ReviewRating,
    ReviewRequest,
    Trigger,
    TriggerCategory,
)
from tests.reviews.conftest import Agreed

Clients = Callable[[str], Client]


def _reviews(agreed: Agreed) -> str:
    return f"/people/{agreed.world.alex_record.pk}/reviews/"


def test_alex_asks_for_a_review_from_his_home_and_reads_the_answer(agreed: Agreed, client_for: Clients) -> None:
    alex, priya = client_for("alex"), client_for("priya")
    home = alex.get("/").content.decode()
    assert "Ask for a review of your plan" in home

    alex.post(_reviews(agreed) + "ask/", {"reason": "My tablets have changed and I get tired."})
    asked = ReviewRequest.objects.get()
    assert OutboxMessage.objects.filter(template_key="review_request_received", to_address="priya@example.org").exists()

    day = timezone.localdate() + dt.timedelta(days=10)
    answer = {"decision": "accept", "review_on_day": day.day, "review_on_month": day.month, "review_on_year": day.year}
    answer["reason"] = "We will look at the times of your visits then."
    assert priya.post(_reviews(agreed) + f"requests/{asked.pk}/answer/", answer).status_code == 302

    page = alex.get(_reviews(agreed)).content.decode()
    assert "Yes: the review will be on or before" in page
    assert "Priya Shah said: “We will look at the times of your visits then.”" in page  # her words with a yes too
    assert "Asked by you on" in page


def test_dr_jones_handover_raises_a_medication_change_with_a_two_day_clock(agreed: Agreed, client_for: Clients) -> None:
    client_for("dr.jones").post(
        _reviews(agreed) + "handover/",
        {"needs_change": "yes", "category": "MEDICATION", "what_happened": "New blood pressure tablets."},
    )
    trigger = Trigger.objects.get()
    assert trigger.category == TriggerCategory.MEDICATION

    page = client_for("priya").get(_reviews(agreed)).content.decode()
    assert "New blood pressure tablets." in page
    assert "working days left" in page or "Due today" in page


def _run_review(agreed: Agreed, priya: Client) -> Review:
    priya.post(_reviews(agreed) + "start/", {"revision": agreed.plan.revision, "kind": "PLANNED"})
    review = Review.objects.get()
    views = [
        ("PERSON", "Alex Carter", "My garden.", "Getting tired after lunch."),
        ("FAMILY", "Sam Carter", "Alex is out more.", "The new tablets make him sleepy."),
        ("PRACTITIONER", "Dr Eleri Jones", "Blood pressure is better.", ""),
    ]
    for kind, whose, working, not_working in views:
        priya.post(
            f"{_reviews(agreed)}{review.pk}/views/new/",
            {"kind": kind, "whose": whose, "working": working, "not_working": not_working},
        )
    priya.post(
        f"{_reviews(agreed)}{review.pk}/outcomes/{agreed.outcome.pk}/",
        {"still_matters": "yes", "progress": "6", "what_changed": "Walks to the corner shop now."},
    )
    agreed.plan.refresh_from_db()
    completed = priya.post(
        f"{_reviews(agreed)}{review.pk}/complete/",
        {
            "revision": agreed.plan.revision,
            "result": "NO_CHANGE",
            "persons_view": "I want my afternoons back.",
            "took_part": "Alex, Sam, Dr Jones, Priya",
            "months": "6",
        },
    )
    assert completed.status_code == 302, completed.content.decode()
    return review


def test_priya_runs_the_review_with_every_view_and_alex_agrees_the_new_version(
    agreed: Agreed, client_for: Clients
) -> None:
    review = _run_review(agreed, client_for("priya"))
    assert Perspective.objects.filter(review=review, whose="Sam Carter").exists()
    agreed.plan.refresh_from_db()
    assert agreed.plan.status == PlanStatus.PROPOSED
    assert agreed.plan.next_review_on == schedule.add_months(timezone.localdate(), 6)

    from livingplan.plans import services as plans

    plans.agree_plan(agreed.plan, by=agreed.world.alex)
    assert PlanVersion.objects.filter(plan=agreed.plan).count() == 2
    assert "6 out of 10" in client_for("alex").get(f"{_reviews(agreed)}{review.pk}/").content.decode()


def test_alex_rates_his_review_against_the_statements(agreed: Agreed, client_for: Clients) -> None:
    review = _run_review(agreed, client_for("priya"))
    alex = client_for("alex")
    assert "Tell us how your review went" in alex.get(f"{_reviews(agreed)}{review.pk}/").content.decode()

    alex.post(f"{_reviews(agreed)}{review.pk}/rate/", {"trusted": "5", "about_me": "4"})
    assert set(ReviewRating.objects.values_list("statement", "score")) == {("trusted", 5), ("about_me", 4)}
    assert ReviewCompletion.objects.get().persons_view == "I want my afternoons back."
