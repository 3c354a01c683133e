"""The planning conversation (issue 12, ADR-035): recorded by the care team, each thing said lands
in the plan attributed to whoever said it: the person, someone in their circle, a practitioner."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from livingplan.conversations import services
from livingplan.conversations.models import Conversation, ConversationItem
from livingplan.core.models import AuditEvent
from livingplan.plans import lifecycle
from livingplan.plans import services as plans
from livingplan.plans.models import Action, ContributorKind, Layer, Outcome, Plan, Risk, Statement, StatementStatus
from livingplan.plans.sections import Section
from tests.personas import World

Clients = Callable[[str], Client]
TODAY = timezone.localdate()
NEXT_MONTH = TODAY + dt.timedelta(days=30)


@pytest.fixture
def plan(world: World) -> Plan:
    return plans.start_plan(world.alex_record, by=world.priya)


@pytest.fixture
def conversation(world: World, plan: Plan) -> Conversation:
    return services.start_conversation(world.alex_record, by=world.priya, plan=plan, held_on=TODAY, where="At home")


def _add(world: World, conversation: Conversation, part: str) -> str:
    return reverse("conversations:add", args=[world.alex_record.pk, conversation.pk, part])


def _record_page(world: World, conversation: Conversation) -> str:
    return reverse("conversations:record", args=[world.alex_record.pk, conversation.pk])


def _plan_page(client: Client, world: World) -> str:
    return client.get(reverse("plans:plan", args=[world.alex_record.pk])).content.decode()


def test_priya_starts_recording_and_lands_on_the_record(world: World, plan: Plan, client_for: Clients) -> None:
    priya = client_for("priya")
    response = priya.post(
        reverse("conversations:start", args=[world.alex_record.pk]),
        {"held_on_day": TODAY.day, "held_on_month": TODAY.month, "held_on_year": TODAY.year, "where": "At home"},
    )
    conversation = Conversation.objects.get()
    assert response["Location"] == _record_page(world, conversation)
    page = priya.get(response["Location"]).content.decode()
    assert "1. What matters to the person" in page
    assert "Add what matters to them" in page


def test_a_conversation_in_the_future_is_refused_and_nothing_is_saved(
    world: World, plan: Plan, client_for: Clients
) -> None:
    later = TODAY + dt.timedelta(days=3)
    response = client_for("priya").post(
        reverse("conversations:start", args=[world.alex_record.pk]),
        {"held_on_day": later.day, "held_on_month": later.month, "held_on_year": later.year, "where": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The date of the conversation must be today or in the past" in page
    assert "Enter where the conversation took place" in page
    assert not Conversation.objects.exists()


def test_what_alex_said_goes_into_his_plan_in_his_words(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    priya = client_for("priya")
    response = priya.post(
        _add(world, conversation, "WHAT_MATTERS"), {"said_by": world.alex.pk, "text": "Keeping my allotment going"}
    )
    assert response.status_code == 302

    assert "In Alex&#39;s words" in _plan_page(priya, world)
    statement = Statement.objects.get(text="Keeping my allotment going")
    assert (statement.contributed_by, statement.contributor_kind, statement.status) == (
        world.alex,
        ContributorKind.PERSON,
        StatementStatus.ACCEPTED,
    )
    record = priya.get(_record_page(world, conversation)).content.decode()
    assert "Said by Alex Carter (the person). Written down by you" in record
    event = AuditEvent.objects.get(action="plans.statement.added")
    assert (event.actor, event.detail["said_by"]) == (world.priya, world.alex.pk)


def test_the_conversation_puts_outcomes_into_the_plan_attributed_to_the_right_people(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    priya = client_for("priya")
    priya.post(
        _add(world, conversation, "OUTCOME"),
        {"said_by": world.alex.pk, "text": "Walk to the shops on my own", "importance": "5", "why_it_matters": ""},
    )
    priya.post(
        _add(world, conversation, "OUTCOME"),
        {"said_by": world.sam.pk, "text": "Dad joins the walking group", "importance": "3", "why_it_matters": ""},
    )

    alexs = Outcome.objects.get(text="Walk to the shops on my own")
    sams = Outcome.objects.get(text="Dad joins the walking group")
    assert (alexs.contributed_by, alexs.contributor_kind, alexs.is_active) == (world.alex, ContributorKind.PERSON, True)
    # Sam's words for Alex's own voice wait for Alex to accept them, as anywhere in the plan (ADR-025).
    assert (sams.contributed_by, sams.contributor_kind, sams.status) == (
        world.sam,
        ContributorKind.CIRCLE,
        StatementStatus.PROPOSED,
    )
    alex_sees = _plan_page(client_for("alex"), world)
    assert "Walk to the shops on my own" in alex_sees
    assert "Suggested by Sam Carter" in alex_sees
    record = priya.get(_record_page(world, conversation)).content.decode()
    assert "Waiting for Alex to accept it into the plan" in record


def test_ideas_start_from_family_and_friends_in_their_own_names(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    client_for("priya").post(
        _add(world, conversation, "IDEA"),
        {"said_by": world.sam.pk, "source": Layer.FAMILY_FRIENDS, "text": "I can drive Dad to the club on Tuesdays"},
    )

    idea = Statement.objects.get(text="I can drive Dad to the club on Tuesdays")
    assert (idea.section, idea.contributed_by, idea.status) == (
        Section.STRENGTHS_FAMILY,
        world.sam,
        StatementStatus.ACCEPTED,
    )
    assert "Added by Sam Carter, daughter" in _plan_page(client_for("alex"), world)


def test_a_next_step_has_an_owner_and_a_date(world: World, conversation: Conversation, client_for: Clients) -> None:
    outcome = plans.add_outcome(conversation.plan, by=world.alex, text="Walk to the shops on my own")
    priya = client_for("priya")
    step = {
        "said_by": world.dr_jones.pk,
        "outcome": outcome.pk,
        "what": "Check the new walking frame fits",
        "owner": world.sam.pk,
        "owner_name": "",
        "layer": Layer.FAMILY_FRIENDS,
    }

    refused = priya.post(_add(world, conversation, "NEXT_STEP"), step)
    assert refused.status_code == 400
    assert "Enter the date it will be done by" in refused.content.decode()
    assert not Action.objects.exists()
    assert not ConversationItem.objects.exists()

    dated = {"due_on_day": NEXT_MONTH.day, "due_on_month": NEXT_MONTH.month, "due_on_year": NEXT_MONTH.year}
    assert priya.post(_add(world, conversation, "NEXT_STEP"), {**step, **dated}).status_code == 302
    action = Action.objects.get()
    assert (action.owner, action.due_on, action.contributed_by, action.contributor_kind) == (
        world.sam,
        NEXT_MONTH,
        world.dr_jones,
        ContributorKind.PRACTITIONER,
    )


def test_risks_how_we_will_know_and_review_triggers_land_in_the_plan(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    plan = conversation.plan
    plans.set_review_arrangements(
        plan, by=world.priya, next_review_on=NEXT_MONTH, review_lead=world.priya, early_review_triggers="A fall"
    )
    priya = client_for("priya")
    priya.post(
        _add(world, conversation, "RISK"),
        {
            "said_by": world.alex.pk,
            "what_could_go_wrong": "I might get lost",
            "what_we_agree": "Alex carries a card with Sam's number",
            "persons_view": "",
        },
    )
    priya.post(_add(world, conversation, "GOING_WELL"), {"said_by": world.alex.pk, "text": "I go out twice a week"})
    priya.post(_add(world, conversation, "REVIEW_TRIGGER"), {"said_by": world.sam.pk, "text": "Dad stops going out"})

    risk = Risk.objects.get()
    assert (risk.contributed_by, risk.decided_by) == (
        world.alex,
        f"Agreed at the planning conversation on {TODAY.day} {TODAY:%B %Y}",
    )
    assert plan.statements.get(section=Section.GOING_WELL).text == "I go out twice a week"
    plan.refresh_from_db()
    assert (plan.early_review_triggers, plan.next_review_on) == ("A fall\nDad stops going out", NEXT_MONTH)


def test_nothing_is_half_saved_when_the_plan_refuses(world: World, conversation: Conversation) -> None:
    with pytest.raises(ValidationError):
        services.record_outcome(conversation, by=world.priya, said_by=world.alex, text="")
    plans.add_statement(conversation.plan, by=world.alex, section=Section.WHAT_MATTERS, text="My dog")
    plans.add_outcome(conversation.plan, by=world.alex, text="Walk the dog")
    plans.propose_plan(conversation.plan, by=world.priya)
    plans.agree_plan(conversation.plan, by=world.alex)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        services.record_what_matters(conversation, by=world.priya, said_by=world.alex, text="My cat")

    assert not ConversationItem.objects.exists()
    assert not Statement.objects.filter(text="My cat").exists()


def test_only_the_care_team_records_and_only_the_persons_people_are_speakers(
    world: World, conversation: Conversation
) -> None:
    with pytest.raises(PermissionDenied):
        services.record_what_matters(conversation, by=world.alex, said_by=world.alex, text="My garden")
    with pytest.raises(ValidationError):
        services.record_what_matters(conversation, by=world.priya, said_by=world.omar, text="My garden")
    assert not ConversationItem.objects.exists()


def test_alex_reads_his_conversation_but_does_not_write_it_down(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    services.record_what_matters(conversation, by=world.priya, said_by=world.alex, text="My garden")
    alex = client_for("alex")

    assert "Said by you. Written down by Priya Shah" in alex.get(_record_page(world, conversation)).content.decode()
    assert alex.get(_add(world, conversation, "WHAT_MATTERS")).status_code == 403


def test_sam_does_not_see_risks_alex_has_not_shared_with_him(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    services.record_risk(
        conversation, by=world.priya, said_by=world.alex, what_could_go_wrong="I might fall", what_we_agree="A pendant"
    )
    services.record_what_matters(conversation, by=world.priya, said_by=world.alex, text="My garden")

    page = client_for("sam").get(_record_page(world, conversation)).content.decode()
    assert "My garden" in page
    assert "I might fall" not in page


@pytest.mark.parametrize("username", ["omar", "casey", "admin"])
def test_people_who_cannot_see_alex_find_no_conversation(
    world: World, conversation: Conversation, client_for: Clients, username: str
) -> None:
    client = client_for(username)
    for url in (
        reverse("conversations:list", args=[world.alex_record.pk]),
        _record_page(world, conversation),
        _add(world, conversation, "OUTCOME"),
    ):
        assert client.get(url).status_code == 404


def test_priya_starts_from_alexs_own_preparation_once_he_has_finished(
    world: World, conversation: Conversation, client_for: Clients
) -> None:
    link = reverse("conversations:preparation", args=[world.alex_record.pk])
    priya = client_for("priya")
    services.save_answers(world.alex_record, by=world.alex, answers={"MATTERS_NOW": "My allotment"})
    assert link not in priya.get(_record_page(world, conversation)).content.decode()

    services.finish_preparation(world.alex_record, by=world.alex)

    assert link in priya.get(_record_page(world, conversation)).content.decode()
    assert "My allotment" in priya.get(link).content.decode()


def test_someone_in_the_circle_cannot_put_words_in_alexs_mouth(world: World, plan: Plan) -> None:
    with pytest.raises(PermissionDenied):
        plans.add_outcome(plan, by=world.sam, said_by=world.alex, text="I will move into a home")
    with pytest.raises(PermissionDenied):
        plans.add_outcome(plan, by=world.priya, said_by=world.omar, text="Omar's idea")
    assert not plan.outcomes.exists()


def test_what_a_practitioner_says_matters_is_not_passed_off_as_alexs_own_words(
    world: World, conversation: Conversation
) -> None:
    services.record_what_matters(conversation, by=world.priya, said_by=world.dr_jones, text="Keeping his heart well")

    statement = Statement.objects.get(text="Keeping his heart well")
    assert (statement.contributed_by, statement.in_own_words, statement.status) == (
        world.dr_jones,
        False,
        StatementStatus.PROPOSED,
    )
