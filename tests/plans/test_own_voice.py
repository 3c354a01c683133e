"""Issue 9, the person's own voice (ADR-025): what others write in Alex's first-person sections and
outcomes is a suggestion until Alex (or his attorney, once he lacks capacity) accepts it, unless Alex
named them to write for him; practitioner sections stay direct. Persona by persona."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livingplan.core.models import AuditEvent
from livingplan.plans import lifecycle, services, voice
from livingplan.plans.models import Outcome, Plan, Statement, StatementStatus, WritesForPerson
from livingplan.plans.sections import Section
from livingplan.plans.snapshot import snapshot
from tests.capacity import sam_is_alexs_attorney_and_alex_cannot_agree
from tests.personas import World

OWN_VOICE = [Section.WHAT_MATTERS, Section.STRENGTHS_MINE, Section.ABOUT_PLEASE_DO]
OTHERS = ["sam", "priya", "dr.jones"]


def _page(client: Any, world: World) -> str:
    return client.get(f"/people/{world.alex_record.pk}/plan/").content.decode()


def _snapshot_texts(plan: Plan) -> set[str]:
    frozen = snapshot(plan)
    return {s["text"] for s in frozen["statements"]} | {o["text"] for o in frozen["outcomes"]}


@pytest.mark.parametrize("section", OWN_VOICE)
@pytest.mark.parametrize("username", OTHERS)
def test_anyone_but_alex_writing_in_his_own_voice_makes_a_suggestion(
    world: World, plan: Plan, username: str, section: str
) -> None:
    words = services.add_statement(plan, by=world.persona(username), section=section, text="He loves the sea")
    assert words.status == StatementStatus.PROPOSED
    assert "He loves the sea" not in _snapshot_texts(plan)


@pytest.mark.parametrize("section", [*OWN_VOICE, Section.NEEDS])
def test_alexs_own_words_go_straight_in(world: World, plan: Plan, section: str) -> None:
    words = services.add_statement(plan, by=world.alex, section=section, text="I love the sea")
    assert (words.status, words.written_for) == (StatementStatus.ACCEPTED, False)


@pytest.mark.parametrize("section", [Section.NEEDS, Section.ELIGIBLE_NEEDS, Section.STRENGTHS_FAMILY])
@pytest.mark.parametrize("username", ["priya", "dr.jones"])
def test_practitioner_sections_stay_direct_and_attributed(
    world: World, plan: Plan, username: str, section: str
) -> None:
    words = services.add_statement(plan, by=world.persona(username), section=section, text="Needs a hoist")
    assert words.status == StatementStatus.ACCEPTED
    assert words.contributed_by == world.persona(username)


def test_dr_jones_suggestion_waits_out_of_the_plan_until_alex_accepts_it(world: World, plan: Plan) -> None:
    text = "Seeing his grandsons play football"
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text=text)
    assert text not in _snapshot_texts(plan)

    services.decide_statement(words, by=world.alex, accept=True)

    words.refresh_from_db()
    assert (words.status, words.decided_by) == (StatementStatus.ACCEPTED, world.alex)
    assert text in _snapshot_texts(plan)
    assert AuditEvent.objects.filter(action="plans.statement.accepted", actor=world.alex).exists()


def test_a_suggestion_alone_is_not_what_matters_for_agreement(world: World) -> None:
    plan = services.start_plan(world.alex_record, by=world.priya)
    services.add_statement(plan, by=world.priya, section=Section.WHAT_MATTERS, text="Keeping his garden")
    services.add_outcome(plan, by=world.priya, text="Walk to the shops")
    assert services.missing_for_agreement(plan) == ["Add what matters to the person", "Add at least one outcome"]


@pytest.mark.parametrize("username", OTHERS)
def test_only_alex_decides_a_suggestion(world: World, plan: Plan, username: str) -> None:
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Grandsons")
    with pytest.raises(PermissionDenied):
        services.decide_statement(words, by=world.persona(username), accept=True)
    words.refresh_from_db()
    assert words.status == StatementStatus.PROPOSED


def test_once_alex_lacks_capacity_his_attorney_decides_and_alex_does_not(world: World, plan: Plan) -> None:
    sam_is_alexs_attorney_and_alex_cannot_agree(world)
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Grandsons")
    with pytest.raises(PermissionDenied):
        services.decide_statement(words, by=world.alex, accept=True)
    services.decide_statement(words, by=world.sam, accept=True)
    words.refresh_from_db()
    assert (words.status, words.decided_by) == (StatementStatus.ACCEPTED, world.sam)
    # The attorney, deciding for Alex, writes for him: straight in, and marked as written for him.
    theirs = services.add_statement(plan, by=world.sam, section=Section.WHAT_MATTERS, text="His allotment")
    assert (theirs.status, theirs.written_for) == (StatementStatus.ACCEPTED, True)


def test_a_suggested_outcome_is_not_in_the_plan_until_accepted(world: World, plan: Plan) -> None:
    outcome = services.add_outcome(plan, by=world.dr_jones, text="Get back to swimming")
    assert (outcome.status, outcome.is_active) == (StatementStatus.PROPOSED, False)
    assert "Get back to swimming" not in _snapshot_texts(plan)

    voice.decide_outcome(outcome, by=world.alex, accept=True)

    outcome.refresh_from_db()
    assert (outcome.status, outcome.is_active) == (StatementStatus.ACCEPTED, True)
    assert "Get back to swimming" in _snapshot_texts(plan)


def test_a_declined_outcome_stays_out(world: World, plan: Plan) -> None:
    outcome = services.add_outcome(plan, by=world.sam, text="Move in with Sam")
    voice.decide_outcome(outcome, by=world.alex, accept=False)
    outcome.refresh_from_db()
    assert (outcome.status, outcome.is_active) == (StatementStatus.DECLINED, False)
    with pytest.raises(ValidationError):
        voice.decide_outcome(outcome, by=world.alex, accept=True)


def test_with_alex_naming_sam_sams_words_go_straight_in_written_for_him(world: World, plan: Plan) -> None:
    grant = voice.name_writer(world.alex_record, by=world.alex, supporter=world.sam)
    words = services.add_statement(plan, by=world.sam, section=Section.WHAT_MATTERS, text="Sunday lunch with us")
    outcome = services.add_outcome(plan, by=world.sam, text="Come to Sunday lunch")
    assert (words.status, words.written_for) == (StatementStatus.ACCEPTED, True)
    assert (outcome.status, outcome.is_active, outcome.written_for) == (StatementStatus.ACCEPTED, True, True)

    voice.end_writer(grant, by=world.alex)

    later = services.add_statement(plan, by=world.sam, section=Section.WHAT_MATTERS, text="Holidays")
    assert later.status == StatementStatus.PROPOSED
    grant.refresh_from_db()
    assert (grant.ended_by, grant.granted_by) == (world.alex, world.alex)
    actions = set(AuditEvent.objects.filter(person_id=world.alex_record.pk).values_list("action", flat=True))
    assert {"plans.writer.named", "plans.writer.ended"} <= actions


def test_a_named_writer_is_only_for_the_supporter_named(world: World, plan: Plan) -> None:
    voice.name_writer(world.alex_record, by=world.alex, supporter=world.sam)
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Grandsons")
    assert words.status == StatementStatus.PROPOSED


@pytest.mark.parametrize("username", OTHERS)
def test_only_alex_names_who_may_write_for_him(world: World, username: str) -> None:
    with pytest.raises(PermissionDenied):
        voice.name_writer(world.alex_record, by=world.persona(username), supporter=world.sam)
    assert not WritesForPerson.objects.exists()


def test_alex_can_only_name_his_circle_or_care_team(world: World) -> None:
    with pytest.raises(ValidationError):
        voice.name_writer(world.alex_record, by=world.alex, supporter=world.omar)


# Editing and withdrawing, with history ---------------------------------------------------------


def _alexs_words(plan: Plan) -> Statement:
    return plan.statements.get(section=Section.WHAT_MATTERS, text="Staying in my own home")


def test_alex_edits_his_words_and_the_earlier_words_are_kept_with_who_wrote_them(world: World, plan: Plan) -> None:
    words = _alexs_words(plan)
    services.propose_plan(plan, by=world.alex)  # still open for change while waiting for agreement
    voice.edit_words(words, by=world.alex, text="Staying in my own home with my cat")

    words.refresh_from_db()
    assert words.text == "Staying in my own home with my cat"
    assert words.contributed_by == world.alex
    (edit,) = plan.content_edits.all()
    assert (edit.old_text, edit.new_text, edit.edited_by, edit.kind) == (
        "Staying in my own home",
        "Staying in my own home with my cat",
        world.alex,
        "EDITED",
    )
    assert "Staying in my own home with my cat" in _snapshot_texts(plan)


def test_withdrawing_takes_words_out_of_the_plan_but_keeps_their_history(world: World, plan: Plan) -> None:
    outcome = plan.outcomes.get()
    voice.withdraw_words(outcome, by=world.alex)
    outcome.refresh_from_db()
    assert (outcome.is_active, outcome.status) == (False, StatementStatus.REMOVED)
    assert outcome.text not in _snapshot_texts(plan)
    assert plan.content_edits.get().old_text == outcome.text
    assert services.missing_for_agreement(plan) == ["Add at least one outcome"]


@pytest.mark.parametrize("username", OTHERS)
def test_others_cannot_change_or_withdraw_alexs_words(world: World, plan: Plan, username: str) -> None:
    words = _alexs_words(plan)
    with pytest.raises(PermissionDenied):
        voice.edit_words(words, by=world.persona(username), text="Something else")
    with pytest.raises(PermissionDenied):
        voice.withdraw_words(words, by=world.persona(username))
    words.refresh_from_db()
    assert (words.text, words.status) == ("Staying in my own home", StatementStatus.ACCEPTED)


def test_dr_jones_changes_her_own_suggestion_while_it_waits_but_not_once_accepted(world: World, plan: Plan) -> None:
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Grandsons")
    voice.edit_words(words, by=world.dr_jones, text="Seeing his grandsons")
    services.decide_statement(words, by=world.alex, accept=True)
    with pytest.raises(PermissionDenied):
        voice.edit_words(words, by=world.dr_jones, text="Something else")
    voice.edit_words(words, by=world.alex, text="Seeing my grandsons")  # now they are Alex's words
    assert list(plan.content_edits.values_list("edited_by__username", flat=True)) == ["dr.jones", "alex"]


def test_a_practitioner_keeps_her_own_words_up_to_date(world: World, plan: Plan) -> None:
    needs = services.add_statement(plan, by=world.dr_jones, section=Section.NEEDS, text="A hoist")
    voice.edit_words(needs, by=world.dr_jones, text="A hoist and two carers")
    with pytest.raises(PermissionDenied):
        voice.edit_words(needs, by=world.priya, text="Nothing")


def test_a_stale_edit_changes_nothing(world: World, plan: Plan) -> None:
    words = _alexs_words(plan)
    with pytest.raises(services.StaleEdit):
        voice.edit_words(words, by=world.alex, text="Changed", expected_revision=plan.revision - 1)
    words.refresh_from_db()
    assert words.text == "Staying in my own home"
    assert not plan.content_edits.exists()


def test_an_agreed_plan_is_not_edited_without_a_review(world: World, plan: Plan) -> None:
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex)
    with pytest.raises(lifecycle.TransitionNotAllowed):
        voice.edit_words(_alexs_words(plan), by=world.alex, text="Changed")


# On the web --------------------------------------------------------------------------------------


def test_the_plan_says_whose_words_are_whose_and_who_may_decide(world: World, plan: Plan, client_for: Any) -> None:
    services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Seeing his grandsons")
    voice.name_writer(world.alex_record, by=world.alex, supporter=world.sam)
    services.add_statement(plan, by=world.sam, section=Section.STRENGTHS_MINE, text="Dad fixes any bike")

    alex = _page(client_for("alex"), world)
    assert "In your words" in alex
    assert "Suggested by Eleri Jones, GP" in alex
    assert "Written for you by Sam Carter, daughter" in alex
    assert "Accept or decline" in alex

    jones = _page(client_for("dr.jones"), world)
    assert "Seeing his grandsons" in jones and "Suggested by you" in jones
    assert "Accept or decline" not in jones
    assert "Seeing his grandsons" in _page(client_for("priya"), world)  # the coordinator sees it waiting
    assert "Seeing his grandsons" not in _page(client_for("sam"), world)  # not Sam's, not yet in the plan


def test_alex_accepts_on_the_suggestion_page(world: World, plan: Plan, client_for: Any) -> None:
    words = services.add_statement(plan, by=world.dr_jones, section=Section.WHAT_MATTERS, text="Seeing his grandsons")
    plan.refresh_from_db()
    path = f"/people/{world.alex_record.pk}/plan/suggestions/statement/{words.pk}/"
    assert client_for("omar").get(path).status_code == 404
    assert client_for("sam").get(path).status_code == 404
    assert client_for("dr.jones").post(path, {"decision": "accept", "revision": plan.revision}).status_code == 403
    empty = client_for("alex").post(path, {"revision": plan.revision})
    assert empty.status_code == 400 and "Select whether you want this in your plan" in empty.content.decode()

    response = client_for("alex").post(path, {"decision": "accept", "revision": plan.revision})

    assert response.status_code == 302
    words.refresh_from_db()
    assert words.status == StatementStatus.ACCEPTED


def test_alex_changes_his_words_on_the_web_and_the_history_shows_them(
    world: World, plan: Plan, client_for: Any
) -> None:
    words = _alexs_words(plan)
    alex = client_for("alex")
    base = f"/people/{world.alex_record.pk}/plan/words/statement/{words.pk}"
    form = alex.get(f"{base}/change/").content.decode()
    assert "Staying in my own home" in form
    blank = alex.post(f"{base}/change/", {"text": " ", "revision": plan.revision})
    assert blank.status_code == 400 and "Enter the words you want it to say" in blank.content.decode()

    alex.post(f"{base}/change/", {"text": "My home and my cat", "revision": plan.revision})

    page = _page(alex, world)
    assert "My home and my cat" in page and 'Earlier it said: "Staying in my own home"' in page
    history = client_for("sam").get(f"{base}/history/").content.decode()
    assert 'Before: "Staying in my own home"' in history and "by Alex Carter" in history


def test_the_writers_page_names_sam_and_ends_it(world: World, client_for: Any) -> None:
    alex = client_for("alex")
    path = f"/people/{world.alex_record.pk}/plan/writers/"
    assert "Sam Carter (daughter)" in alex.get(path).content.decode()
    assert alex.post(path, {}).status_code == 400
    alex.post(path, {"supporter": str(world.sam.pk)})
    grant = WritesForPerson.objects.get(ended_at__isnull=True)
    assert grant.supporter == world.sam
    assert client_for("sam").post(f"{path}{grant.pk}/end/").status_code == 404
    alex.post(f"{path}{grant.pk}/end/")
    grant.refresh_from_db()
    assert grant.ended_by == world.alex


def test_suggested_outcomes_are_marked_and_have_no_actions_yet(world: World, plan: Plan, client_for: Any) -> None:
    services.add_outcome(plan, by=world.priya, text="Swim at the leisure centre")
    page = _page(client_for("alex"), world)
    assert "Swim at the leisure centre" in page and "Suggested by Priya Shah, coordinator" in page
    assert Outcome.objects.filter(text="Swim at the leisure centre", is_active=False).exists()


@pytest.mark.parametrize(
    ("role", "shown"), [("GP", "GP"), ("Social worker", "social worker"), ("NHS nurse", "NHS nurse"), ("OT", "OT")]
)
def test_a_role_after_a_name_keeps_the_capitals_of_an_abbreviation(role: str, shown: str) -> None:
    from livingplan.plans.presenters.voice import in_a_sentence

    assert in_a_sentence(role) == shown
