"""The person's pronouns and their own voice on the pages (issue 9): "his plan" for someone who uses
he/him, "your" on the person's own pages, and no questions meant for staff put to the person."""

import pytest
from django.test import Client

from livingplan.accounts.models import User
from livingplan.people.models import Person
from livingplan.people.pronouns import pronouns_for
from livingplan.plans import services
from livingplan.plans.models import Plan, PlanStatus, PlanStatusChange
from tests.personas import World


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("recorded", "words"),
    [
        ("he/him", ("he", "him", "his", "has")),
        ("She / Her", ("she", "her", "her", "has")),
        ("they/them", ("they", "them", "their", "have")),
        ("xe/xem", ("xe", "xem", "xyr", "has")),
        ("", ("they", "them", "their", "have")),
        ("any pronouns", ("they", "them", "their", "have")),
    ],
)
def test_pronouns_give_the_words_for_a_sentence(recorded: str, words: tuple[str, ...]) -> None:
    p = pronouns_for(recorded)
    assert (p.they, p.them, p.their, p.verb("has", "have")) == words


def alex_uses_he(world: World) -> None:
    Person.objects.filter(pk=world.alex_record.pk).update(pronouns="he/him")


def test_others_read_his_plan_in_his_pronouns(world: World, plan: Plan) -> None:
    alex_uses_he(world)
    page = signed_in(world.priya).get(f"/people/{world.alex_record.pk}/plan/").content.decode()
    assert "What matters to Alex and what he has" in page
    assert "what they have" not in page


def test_confirming_a_review_uses_his_pronouns_for_others_and_you_for_alex(world: World, plan: Plan) -> None:
    alex_uses_he(world)
    services.propose_plan(plan, by=world.priya)
    services.agree_plan(plan, by=world.alex)
    url = f"/people/{world.alex_record.pk}/plan/review/start/"

    priya_sees = signed_in(world.priya).get(url).content.decode()
    assert "Alex, his circle of support and his care team can change what the plan says" in priya_sees

    alex_sees = signed_in(world.alex).get(url).content.decode()
    assert "you, your circle of support and your care team can change what the plan says" in alex_sees
    assert "their" not in alex_sees.split("<main", 1)[1]


def test_a_review_can_say_why_and_everyone_sees_the_reason(world: World, plan: Plan) -> None:
    services.propose_plan(plan, by=world.priya)
    services.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    alex = signed_in(world.alex)
    assert (
        "Why do you want to look at the plan again?"
        in alex.get(f"/people/{world.alex_record.pk}/plan/review/start/").content.decode()
    )

    response = alex.post(
        f"/people/{world.alex_record.pk}/plan/status/start_review/",
        {"revision": plan.revision, "reason": "My knee is worse and I cannot do the stairs"},
    )

    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == PlanStatus.UNDER_REVIEW
    change = PlanStatusChange.objects.filter(plan=plan).last()
    assert change is not None
    assert change.note == "My knee is worse and I cannot do the stairs"


def test_a_reason_too_long_is_shown_on_the_review_page_and_nothing_starts(world: World, plan: Plan) -> None:
    services.propose_plan(plan, by=world.priya)
    services.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    response = signed_in(world.alex).post(
        f"/people/{world.alex_record.pk}/plan/status/start_review/", {"revision": plan.revision, "reason": "x" * 301}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE


def test_alex_is_not_asked_how_his_own_different_view_was_handled(world: World, plan: Plan) -> None:
    statement = plan.statements.get()
    url = f"/people/{world.alex_record.pk}/plan/statement/{statement.pk}/different-view/"
    assert "How was it handled?" not in signed_in(world.alex).get(url).content.decode()
    assert "How was it handled?" in signed_in(world.priya).get(url).content.decode()

    response = signed_in(world.alex).post(url, {"revision": plan.revision, "view": "I would put it differently"})
    assert response.status_code == 302
    assert plan.disagreements.get().view == "I would put it differently"


def test_alex_is_told_he_decides_who_sees_his_record_in_the_second_person(world: World) -> None:
    url = f"/people/{world.alex_record.pk}/care-team/add/"
    alex_sees = signed_in(world.alex).get(url)
    assert alex_sees.status_code == 200
    text = alex_sees.content.decode()
    assert "You decide which organisations your record is shared with." in text
    assert "Alex Carter decides" not in text
    priya_sees = signed_in(world.priya).get(url).content.decode()
    assert "Alex Carter decides which organisations their record is shared with." in priya_sees
