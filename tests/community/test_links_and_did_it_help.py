"""An action in Alex's plan links to a walking group from the directory; some weeks later Alex is
asked "did it help?" through his channel (the real worker, the real Notify client, the stub), once;
his answer is recorded, and shown beside the group only as totals once five people have answered."""

import datetime as dt
import zoneinfo
from collections.abc import Callable

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client

from livingplan.community import asking, services
from livingplan.community.models import Helped, HelpedAnswer, Resource, ResourceLink
from livingplan.people import services as people
from livingplan.plans import services as plans
from livingplan.plans.models import Action, Layer
from tests.community.directory import WALKERS, add_walking_group
from tests.factories import PersonFactory, UserFactory, put_on_care_team
from tests.notifications.notify_stub import NotifyStub
from tests.personas import World

# The worker closes the connection as a worker does: these tests commit (see test_action_reminders).
pytestmark = pytest.mark.django_db(transaction=True)

LONDON = zoneinfo.ZoneInfo("Europe/London")
MONDAY_10AM = dt.datetime(2026, 12, 7, 10, 0, tzinfo=LONDON)
FOUR_WEEKS_ON = MONDAY_10AM + dt.timedelta(weeks=4)


def at(when: dt.datetime) -> "time_machine.travel":
    return time_machine.travel(when, tick=False)


def run_worker() -> None:
    call_command("db_worker", "--batch", "--backend", "later", "--no-startup-delay", "--interval", "0.01", "-v0")


@pytest.fixture
def walk(world: World) -> Action:
    with at(MONDAY_10AM):
        people.update_person_details(world.alex_record, by=world.priya, postcode="NB1 4QT")
        plan = plans.start_plan(world.alex_record, by=world.priya)
        outcome = plans.add_outcome(plan, by=world.alex, text="Get out of the house and meet people")
        return plans.add_action(
            outcome, by=world.priya, what="Try a walking group", owner_name="Alex", layer=Layer.COMMUNITY
        )


@pytest.fixture
def walkers(world: World) -> Resource:
    return add_walking_group(world, postcode="NB1 2AA")


def test_priya_links_the_action_to_the_walking_group_near_alex(
    world: World, walk: Action, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    priya = client_for("priya")
    url = f"/community/people/{world.alex_record.pk}/actions/{walk.pk}/link/"
    offered = priya.get(url).content.decode()
    assert "1 found in NB1" in offered
    assert WALKERS in offered

    with at(MONDAY_10AM):
        done = priya.post(url, {"resource": walkers.pk}, follow=True).content.decode()

    assert "Linked. We will ask whether it helped in a few weeks." in done
    assert "Try a walking group" in done
    assert f"{WALKERS}</a>, added on 7 December 2026." in done
    assert "We will ask whether it helped on 4 January 2027" in done


def test_linking_the_same_group_twice_is_refused_with_a_message(
    world: World, walk: Action, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    url = f"/community/people/{world.alex_record.pk}/actions/{walk.pk}/link/"
    client_for("priya").post(url, {"resource": walkers.pk})

    again = client_for("alex").post(url, {"resource": walkers.pk})

    assert f"{WALKERS} is already linked to this action" in again.content.decode()
    assert ResourceLink.objects.count() == 1


def test_alex_is_asked_four_weeks_later_through_his_channel_once_and_answers(
    world: World, walk: Action, walkers: Resource, notify_stub: NotifyStub, client_for: Callable[[str], Client]
) -> None:
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
        run_worker()
    assert [a for a in notify_stub.accepted if a.reference.startswith("community-")] == []

    with at(FOUR_WEEKS_ON):
        run_worker()
        run_worker()
        assert asking.ask_did_it_help() == 0  # a rerun never asks twice
    [asked] = [a for a in notify_stub.accepted if a.reference.startswith("community-")]
    assert asked.reference == f"community-did-it-help-{link.pk}"
    assert asked.payload["email_address"] == "alex@example.org"
    assert asked.payload["personalisation"]["subject"] == "Did it help?"
    assert WALKERS not in asked.payload["personalisation"]["body"], "what it was stays on the plan"

    url = f"/community/people/{world.alex_record.pk}/links/{link.pk}/did-it-help/"
    with at(FOUR_WEEKS_ON):
        alex = client_for("alex")  # signed in on the day: a session from four weeks ago has ended
        assert f"Did {WALKERS} help?" in alex.get(url).content.decode()
        page = alex.post(url, {"answer": "A_BIT", "words": "Nice people, hilly"}, follow=True).content.decode()
    assert "Thank you. Your answer is saved." in page
    assert "Did it help? A bit (said on 4 January 2027): “Nice people, hilly”" in page
    assert HelpedAnswer.objects.get().answer == Helped.A_BIT


def test_no_question_before_the_weeks_are_up_and_no_answer_either(
    world: World, walk: Action, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
        assert asking.ask_did_it_help() == 0
        with pytest.raises(ValidationError, match="too soon"):
            services.answer_did_it_help(link, by=world.alex, answer=Helped.YES)


def test_the_weeks_before_asking_can_be_set(
    world: World, walk: Action, walkers: Resource, settings: object, notify_stub: NotifyStub
) -> None:
    settings.COMMUNITY_ASK_AFTER_WEEKS = 2  # type: ignore[attr-defined]
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
    with at(MONDAY_10AM + dt.timedelta(weeks=2)):
        assert asking.ask_did_it_help() == 1
    assert link.ask_on == dt.date(2026, 12, 21)


def test_only_alex_answers_and_only_once(world: World, walk: Action, walkers: Resource) -> None:
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
    with at(FOUR_WEEKS_ON):
        services.answer_did_it_help(link, by=world.alex, answer=Helped.YES)
        with pytest.raises(ValidationError, match="already told us"):
            services.answer_did_it_help(link, by=world.alex, answer=Helped.NO)
    assert list(HelpedAnswer.objects.values_list("answer", flat=True)) == [Helped.YES]


@pytest.mark.parametrize("username", ["sam", "priya"])
def test_those_who_see_the_link_may_not_answer_for_alex(
    username: str, world: World, walk: Action, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
    with at(FOUR_WEEKS_ON):
        response = client_for(username).post(
            f"/community/people/{world.alex_record.pk}/links/{link.pk}/did-it-help/", {"answer": "NO"}
        )
    assert response.status_code == 403
    assert HelpedAnswer.objects.count() == 0


@pytest.mark.parametrize("username", ["omar", "casey", "admin"])
def test_someone_who_may_not_see_alex_gets_404_for_his_links_and_answers(
    username: str, world: World, walk: Action, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    with at(MONDAY_10AM):
        link = services.link_resource(walk, walkers, by=world.priya)
    with at(FOUR_WEEKS_ON):
        services.answer_did_it_help(link, by=world.alex, answer=Helped.YES, words="Loved it")
        client = client_for(username)
        pk = world.alex_record.pk
        pages = [
            client.get(f"/community/people/{pk}/"),
            client.get(f"/community/people/{pk}/actions/{walk.pk}/link/"),
            client.get(f"/community/people/{pk}/links/{link.pk}/did-it-help/"),
            client.post(f"/community/people/{pk}/actions/{walk.pk}/link/", {"resource": walkers.pk}),
        ]
    assert [p.status_code for p in pages] == [404, 404, 404, 404]
    assert "Loved it" not in client.get(f"/community/resources/{walkers.pk}/").content.decode()


def _answers(world: World, walkers: Resource, how: list[str]) -> None:
    """Answers from other people linked to the same group, each their own person, plan and action,
    made through the same verbs the pages use."""
    for answer in how:
        user = UserFactory.create()
        person = PersonFactory.create(lead_organisation=world.council_a, by=world.priya, user=user)
        put_on_care_team(person, world.priya, world.council_a)
        with at(MONDAY_10AM):
            plan = plans.start_plan(person, by=world.priya)
            outcome = plans.add_outcome(plan, by=user, text="Get out more")
            action = plans.add_action(outcome, by=world.priya, what="Walk", owner_name="Them", layer=Layer.COMMUNITY)
            link = services.link_resource(action, walkers, by=world.priya)
        with at(FOUR_WEEKS_ON):
            services.answer_did_it_help(link, by=user, answer=answer, words="Someone's own words")


def test_answers_show_beside_the_group_only_as_totals_and_only_from_five(
    world: World, walkers: Resource, client_for: Callable[[str], Client]
) -> None:
    _answers(world, walkers, [Helped.YES, Helped.YES, Helped.A_BIT, Helped.NO])
    page = client_for("alex").get(f"/community/resources/{walkers.pk}/").content.decode()
    assert "We show what people said once 5 or more have answered" in page
    assert "4 people" not in page

    _answers(world, walkers, [Helped.YES])
    page = client_for("alex").get(f"/community/resources/{walkers.pk}/").content.decode()
    assert "5 people who were linked to this were asked whether it helped them." in page
    assert '<td class="nhsuk-table__cell">Yes</td><td class="nhsuk-table__cell">3</td>' in page
    assert "Someone's own words" not in page
