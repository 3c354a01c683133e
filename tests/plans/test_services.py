import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livingplan.core.models import AuditEvent
from livingplan.plans import lifecycle, services
from livingplan.plans.models import ContributorKind, Layer, Plan, PlanStatus, StatementStatus
from livingplan.plans.sections import Section
from tests.personas import World


def test_what_the_person_writes_is_recorded_as_theirs_in_their_own_words(world: World, plan: Plan) -> None:
    statement = plan.statements.get(section=Section.WHAT_MATTERS)
    assert statement.contributed_by == world.alex
    assert statement.contributor_kind == ContributorKind.PERSON
    assert statement.in_own_words


def test_a_practitioner_statement_is_marked_as_theirs_and_not_the_persons_words(world: World, plan: Plan) -> None:
    statement = services.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Help with washing")
    assert statement.contributor_kind == ContributorKind.PRACTITIONER
    assert not statement.in_own_words
    assert statement.status == StatementStatus.ACCEPTED


def test_others_only_suggest_text_for_the_one_page_profile_until_the_person_accepts(world: World, plan: Plan) -> None:
    suggestion = services.add_statement(plan, by=world.sam, section=Section.ABOUT_PLEASE_DO, text="Ring first")
    assert suggestion.status == StatementStatus.PROPOSED
    assert suggestion.contributor_kind == ContributorKind.CIRCLE
    with pytest.raises(PermissionDenied):
        services.decide_statement(suggestion, by=world.priya, accept=True)
    services.decide_statement(suggestion, by=world.alex, accept=True)
    suggestion.refresh_from_db()
    assert suggestion.status == StatementStatus.ACCEPTED


def test_an_outsider_cannot_write_in_the_plan(world: World, plan: Plan) -> None:
    with pytest.raises(PermissionDenied):
        services.add_statement(plan, by=world.omar, section=Section.NEEDS, text="Anything")
    assert not plan.statements.filter(text="Anything").exists()


def test_a_plan_needs_what_matters_and_an_outcome_before_agreement(world: World) -> None:
    plan = services.start_plan(world.alex_record, by=world.alex)
    with pytest.raises(ValidationError) as error:
        services.propose_plan(plan, by=world.alex)
    assert error.value.messages == ["Add what matters to the person", "Add at least one outcome"]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_only_the_person_agrees_and_agreement_freezes_a_version(world: World, plan: Plan) -> None:
    services.propose_plan(plan, by=world.priya)
    with pytest.raises(PermissionDenied):
        services.agree_plan(plan, by=world.priya)
    version = services.agree_plan(plan, by=world.alex)
    assert version.number == 1
    assert version.snapshot["outcomes"][0]["text"] == "I want to walk to the shop on my own"
    plan.refresh_from_db()
    # In force at once, and the history still shows the agreement and the coming into force.
    assert plan.status == PlanStatus.ACTIVE
    assert [c.to_status for c in plan.status_changes.all()] == ["DRAFT", "PROPOSED", "AGREED", "ACTIVE"]
    assert [c.note for c in plan.status_changes.all()][2:] == ["Version 1", "Version 1 in force"]
    assert AuditEvent.objects.filter(action="plans.plan.agreed", actor=world.alex).exists()


def test_an_agreed_plan_cannot_be_changed_without_starting_a_review(world: World, plan: Plan) -> None:
    services.propose_plan(plan, by=world.alex)
    services.agree_plan(plan, by=world.alex)
    plan.refresh_from_db()
    with pytest.raises(lifecycle.TransitionNotAllowed):
        services.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Late addition")
    services.start_review(plan, by=world.alex, reason="I moved house")
    services.add_statement(plan, by=world.priya, section=Section.NEEDS, text="Late addition")
    services.propose_plan(plan, by=world.alex)
    second = services.agree_plan(plan, by=world.alex)
    assert second.number == 2
    assert "Late addition" in [s["text"] for s in second.snapshot["statements"]]
    first = plan.versions.get(number=1)
    assert "Late addition" not in [s["text"] for s in first.snapshot["statements"]]


def test_a_lifecycle_move_from_the_wrong_state_is_refused_with_a_plain_message(world: World, plan: Plan) -> None:
    with pytest.raises(lifecycle.TransitionNotAllowed, match="while the plan is draft"):
        services.start_review(plan, by=world.alex)


def test_a_stale_edit_is_refused_and_writes_nothing(world: World, plan: Plan) -> None:
    opened_at = plan.revision
    services.add_statement(
        plan, by=world.priya, section=Section.NEEDS, text="Priya got there first", expected_revision=opened_at
    )
    with pytest.raises(services.StaleEdit) as stale:
        services.add_statement(
            plan, by=world.alex, section=Section.NEEDS, text="Alex's late words", expected_revision=opened_at
        )
    assert stale.value.plan.revision == opened_at + 1
    assert not plan.statements.filter(text="Alex's late words").exists()
    # Merging: Alex saves again against the revision he has now seen.
    services.add_statement(
        plan,
        by=world.alex,
        section=Section.NEEDS,
        text="Alex's late words",
        expected_revision=stale.value.plan.revision,
    )
    assert plan.statements.filter(text="Alex's late words").exists()


def test_actions_are_ordered_from_the_person_outwards(world: World, plan: Plan) -> None:
    outcome = plan.outcomes.get()
    services.add_action(outcome, by=world.priya, what="Physio", owner_name="Dr Jones", layer=Layer.SPECIALIST)
    services.add_action(outcome, by=world.alex, what="Exercises", owner_name="Me", layer=Layer.SELF_CARE)
    services.add_action(outcome, by=world.sam, what="Sunday walks", owner_name="Sam", layer=Layer.FAMILY_FRIENDS)
    assert [a.what for a in outcome.actions.all()] == ["Exercises", "Sunday walks", "Physio"]


def test_progress_scores_must_be_between_0_and_10(world: World, plan: Plan) -> None:
    import datetime as dt

    outcome = plan.outcomes.get()
    with pytest.raises(ValidationError):
        services.record_progress(outcome, by=world.alex, score=11, on=dt.date(2026, 1, 1))
    services.record_progress(outcome, by=world.alex, score=4, on=dt.date(2026, 1, 1))
    assert list(outcome.scores.values_list("score", flat=True)) == [4]


def test_a_different_view_is_recorded_beside_the_item(world: World, plan: Plan) -> None:
    outcome = plan.outcomes.get()
    services.record_disagreement(
        plan,
        by=world.sam,
        about=f"outcome:{outcome.pk}",
        view="Too soon after the fall",
        how_handled="Agreed to try with Sam walking alongside first",
    )
    assert plan.disagreements.get().raised_by == world.sam


def test_a_stale_progress_score_or_action_status_is_refused(world: World, plan: Plan) -> None:
    import datetime as dt

    outcome = plan.outcomes.get()
    action = services.add_action(outcome, by=world.alex, what="Exercises", owner_name="Me", layer=Layer.SELF_CARE)
    plan.refresh_from_db()
    seen = plan.revision
    services.record_progress(outcome, by=world.alex, score=3, on=dt.date(2026, 3, 1), expected_revision=seen)
    with pytest.raises(services.StaleEdit):
        services.set_action_status(action, by=world.priya, status="DONE", expected_revision=seen)
    action.refresh_from_db()
    assert action.status == "NOT_STARTED"
