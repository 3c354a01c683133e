"""The demo has Dr Jones's medication change waiting for Priya's decision, with its clock on her caseload."""

from io import StringIO

from django.core.management import call_command
from django.test import Client

from livingplan.accounts.models import User
from livingplan.core.presenters import date_long
from livingplan.reviews.models import Trigger, TriggerCategory


def test_the_demo_leaves_a_medication_change_for_priya_to_decide(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    waiting = Trigger.objects.get(decision__isnull=True)
    assert waiting.category == TriggerCategory.MEDICATION

    client = Client()
    client.force_login(User.objects.get(username="priya"))
    page = client.get("/?show=decisions").content.decode()
    assert "Changes waiting for a decision (1)" in page
    assert "Medication" in page


def test_the_demo_has_alexs_choice_of_a_meeting_every_six_months(db: None) -> None:
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    alex = User.objects.get(username="alex")
    client = Client()
    client.force_login(alex)
    page = client.get(f"/people/{alex.person_record.pk}/reviews/").content.decode()
    assert "A meeting with the people who support me, every 6 months." in page


def test_alexs_reviews_page_and_home_agree_on_when_his_next_review_is(db: None) -> None:
    """His plan was reviewed and agreed again months ago: the light-touch date after his first plan is not 'overdue'."""
    call_command("seed_demo", password="living-plan-demo", stdout=StringIO())
    alex = User.objects.get(username="alex")
    client = Client()
    client.force_login(alex)
    reviews = client.get(f"/people/{alex.person_record.pk}/reviews/").content.decode()
    home = client.get("/").content.decode()
    next_review_on = date_long(alex.person_record.plan.next_review_on)
    assert f"Your next review is on <strong>{next_review_on}</strong>" in home
    assert next_review_on in reviews
    assert "Overdue" not in reviews
