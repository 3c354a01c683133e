"""The person's own preparation (issue 12, ADR-035): answers in their own words, saved and come
back to, marked done, and the answers they choose put into their plan as theirs."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from livingplan.conversations import services
from livingplan.conversations.models import AnswerInPlan, PreparationStatus, Prompt
from livingplan.conversations.status import own_preparation_status
from livingplan.plans import lifecycle, voice
from livingplan.plans import services as plans
from livingplan.plans.models import ContributorKind, Plan, Statement
from livingplan.plans.sections import Section
from tests.personas import World

Clients = Callable[[str], Client]


@pytest.fixture
def plan(world: World) -> Plan:
    return plans.start_plan(world.alex_record, by=world.priya)


def _url(world: World, name: str) -> str:
    return reverse(f"conversations:{name}", args=[world.alex_record.pk])


def _answer(world: World, client: Client, **answers: str) -> None:
    response = client.post(_url(world, "preparation-answers"), answers)
    assert response.status_code == 302


def test_alex_saves_some_answers_and_finds_them_when_he_comes_back(world: World, client_for: Clients) -> None:
    alex = client_for("alex")
    assert "Not started" in alex.get(_url(world, "preparation")).content.decode()

    _answer(world, alex, MATTERS_NOW="My garden and my grandson", HOPES="")

    page = alex.get(_url(world, "preparation"), follow=True).content.decode()
    assert "My garden and my grandson" in page
    assert "In progress" in page
    assert "My garden and my grandson" in alex.get(_url(world, "preparation-answers")).content.decode()
    assert own_preparation_status(world.alex_record) == PreparationStatus.IN_PROGRESS


def test_saving_the_same_words_again_keeps_one_answer(world: World) -> None:
    services.save_answers(world.alex_record, by=world.alex, answers={Prompt.HOPES: "To go to the coast"})
    saved = services.save_answers(world.alex_record, by=world.alex, answers={Prompt.HOPES: " To go to the coast "})
    assert saved == []


def test_alex_chooses_answers_that_go_into_his_plan_in_his_own_words(
    world: World, plan: Plan, client_for: Clients
) -> None:
    alex = client_for("alex")
    _answer(world, alex, MATTERS_NOW="My garden", WANT_TO_CHANGE="Get to the shops on my own", WORKING="My neighbour")

    response = alex.post(_url(world, "preparation-put-in-plan"), {"prompts": ["MATTERS_NOW", "WANT_TO_CHANGE"]})
    assert response.status_code == 302

    plan_page = alex.get(reverse("plans:plan", args=[world.alex_record.pk])).content.decode()
    assert "My garden" in plan_page
    assert "Get to the shops on my own" in plan_page
    assert "In your words" in plan_page
    assert "My neighbour" not in plan_page
    statement = Statement.objects.get(plan=plan, text="My garden")
    assert (statement.section, statement.contributor_kind, statement.in_own_words) == (
        Section.WHAT_MATTERS,
        ContributorKind.PERSON,
        True,
    )
    assert plan.outcomes.get(text="Get to the shops on my own").is_active


def test_an_answer_in_the_plan_is_not_offered_again(world: World, plan: Plan, client_for: Clients) -> None:
    alex = client_for("alex")
    _answer(world, alex, MATTERS_NOW="My garden", HOPES="The coast")
    alex.post(_url(world, "preparation-put-in-plan"), {"prompts": ["MATTERS_NOW"]})

    form = alex.get(_url(world, "preparation-put-in-plan")).content.decode()
    assert "The coast" in form
    assert 'value="MATTERS_NOW"' not in form
    assert "In the plan under" in alex.get(_url(world, "preparation")).content.decode()


def test_choosing_nothing_says_what_to_do_and_adds_nothing(world: World, plan: Plan, client_for: Clients) -> None:
    alex = client_for("alex")
    _answer(world, alex, MATTERS_NOW="My garden")

    response = alex.post(_url(world, "preparation-put-in-plan"), {})

    assert response.status_code == 400
    assert "Select the answers you want to put in your plan" in response.content.decode()
    assert not plan.statements.exists()


def test_nothing_goes_in_while_the_plan_is_agreed(world: World, plan: Plan, client_for: Clients) -> None:
    plans.add_statement(plan, by=world.alex, section=Section.WHAT_MATTERS, text="My dog")
    plans.add_outcome(plan, by=world.alex, text="Walk to the park")
    plans.propose_plan(plan, by=world.priya)
    plans.agree_plan(plan, by=world.alex)
    services.save_answers(world.alex_record, by=world.alex, answers={"MATTERS_NOW": "My garden", "HOPES": "The sea"})
    alex = client_for("alex")

    assert alex.get(_url(world, "preparation-put-in-plan")).status_code == 404
    assert "when it is being reviewed" in alex.get(_url(world, "preparation")).content.decode()
    with pytest.raises(lifecycle.TransitionNotAllowed):
        services.put_answers_in_plan(world.alex_record, by=world.alex, plan=plan, prompts=["MATTERS_NOW", "HOPES"])
    assert not AnswerInPlan.objects.exists()
    assert plan.statements.count() == 1


def test_finishing_needs_an_answer_first(world: World, client_for: Clients) -> None:
    response = client_for("alex").post(_url(world, "preparation-finish"), {})

    assert response.status_code == 400
    assert "Answer at least one question before you say you have finished" in response.content.decode()
    assert own_preparation_status(world.alex_record) == PreparationStatus.NOT_STARTED


def test_the_care_team_reads_the_answers_only_once_alex_has_finished(world: World, client_for: Clients) -> None:
    services.save_answers(world.alex_record, by=world.alex, answers={"WHO_WHEN_WHERE": "Sam, at home, mornings"})
    priya = client_for("priya")
    assert priya.get(_url(world, "preparation")).status_code == 404

    assert client_for("alex").post(_url(world, "preparation-finish"), {}).status_code == 302

    page = priya.get(_url(world, "preparation"))
    assert "Sam, at home, mornings" in page.content.decode()
    assert priya.get(_url(world, "preparation-answers")).status_code == 404
    assert own_preparation_status(world.alex_record) == PreparationStatus.DONE


@pytest.mark.parametrize("username", ["omar", "sam", "casey", "morgan"])
def test_people_alex_has_not_chosen_never_see_his_preparation(world: World, client_for: Clients, username: str) -> None:
    services.save_answers(world.alex_record, by=world.alex, answers={"MATTERS_NOW": "My garden"})
    services.finish_preparation(world.alex_record, by=world.alex)
    client = client_for(username)
    for name in ("preparation", "preparation-answers", "preparation-put-in-plan", "preparation-finish"):
        assert client.get(_url(world, name)).status_code == 404


def test_someone_alex_named_to_write_for_him_prepares_with_him(world: World, plan: Plan, client_for: Clients) -> None:
    voice.name_writer(world.alex_record, by=world.alex, supporter=world.sam)
    sam = client_for("sam")
    _answer(world, sam, MATTERS_NOW="Dad loves his allotment")

    sam.post(_url(world, "preparation-put-in-plan"), {"prompts": ["MATTERS_NOW"]})

    statement = plan.statements.get(text="Dad loves his allotment")
    assert statement.written_for
    assert (
        "Written for you by Sam Carter"
        in client_for("alex").get(reverse("plans:plan", args=[plan.person_id])).content.decode()
    )
